using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>
/// Customers whose subscriptions are all billed together on one consolidated invoice per billing period, paid by
/// one payer (for example an enterprise paying for its departments). Immutable.
/// </summary>
public sealed record BillingGroup
{
    private BillingGroup(BillingGroupId id, string name, InvoiceParty primaryContact, string billingEmail, PaymentTerms terms, Currency currency, Instant createdAt)
    {
        Id = id;
        Name = name;
        PrimaryContact = primaryContact;
        BillingEmail = billingEmail;
        Terms = terms;
        Currency = currency;
        CreatedAt = createdAt;
        Members = [];
    }

    /// <summary>Gets the group's id.</summary>
    public BillingGroupId Id { get; }

    /// <summary>Gets the group's name, printed as the invoice's addressee.</summary>
    public string Name { get; }

    /// <summary>Gets the primary contact: the person (and billing address) the group's invoices go to.</summary>
    public InvoiceParty PrimaryContact { get; }

    /// <summary>Gets the address the group's invoices are emailed to.</summary>
    public string BillingEmail { get; }

    /// <summary>Gets the payment terms of the group's invoices.</summary>
    public PaymentTerms Terms { get; }

    /// <summary>Gets the currency the group is invoiced in.</summary>
    public Currency Currency { get; }

    /// <summary>Gets when the group was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets the member customers, in the order they joined.</summary>
    public IReadOnlyList<BillingGroupMember> Members { get; private init; }

    /// <summary>Gets the party printed as the buyer on the group's invoices: the group's name, the primary contact's address, the billing email.</summary>
    public InvoiceParty Addressee => new(Name, PrimaryContact.Address, BillingEmail, PrimaryContact.TaxId);

    /// <summary>Creates an empty group.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="name">Its name; not empty.</param>
    /// <param name="primaryContact">The primary contact; its name must not be empty.</param>
    /// <param name="billingEmail">Where invoices go; must look like an email address.</param>
    /// <param name="terms">The payment terms.</param>
    /// <param name="currency">The invoicing currency.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException">A value is missing or the email has no '@'.</exception>
    public static BillingGroup Create(BillingGroupId id, string name, InvoiceParty primaryContact, string billingEmail, PaymentTerms terms, Currency currency, Instant now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(primaryContact);
        ArgumentException.ThrowIfNullOrWhiteSpace(billingEmail);
        if (string.IsNullOrEmpty(id.Value))
        {
            throw new ArgumentException("A billing group needs an id; default(BillingGroupId) is not one.", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(primaryContact.Name))
        {
            throw new ArgumentException("The primary contact needs a name.", nameof(primaryContact));
        }

        if (!billingEmail.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{billingEmail}' is not an email address; expected something like billing@example.com.", nameof(billingEmail));
        }

        return new BillingGroup(id, name, primaryContact, billingEmail, terms, currency, now);
    }

    /// <summary>Tells whether a customer is in the group.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns><see langword="true"/> when it is a member.</returns>
    public bool Contains(CustomerId customerId) => Members.Any(m => m.CustomerId == customerId);

    /// <summary>Adds a customer.</summary>
    /// <param name="member">The customer and its printed name.</param>
    /// <returns>The group with the member.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    /// <exception cref="ArgumentException">The member has no name or id.</exception>
    /// <exception cref="BillingGroupMembershipException">The customer is already a member.</exception>
    public BillingGroup AddMember(BillingGroupMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (string.IsNullOrEmpty(member.CustomerId.Value) || string.IsNullOrWhiteSpace(member.Name))
        {
            throw new ArgumentException("A member needs a customer id and a name to print on its invoice lines.", nameof(member));
        }

        if (Contains(member.CustomerId))
        {
            throw new BillingGroupMembershipException(Id, member.CustomerId, $"Customer {member.CustomerId} is already in billing group {Id}.");
        }

        return this with { Members = [.. Members, member] };
    }

    /// <summary>Removes a customer; its subscriptions bill on their own again from the next billing period.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The group without the member.</returns>
    /// <exception cref="BillingGroupMembershipException">The customer is not a member.</exception>
    public BillingGroup RemoveMember(CustomerId customerId)
    {
        if (!Contains(customerId))
        {
            throw new BillingGroupMembershipException(Id, customerId, $"Customer {customerId} is not in billing group {Id}.");
        }

        return this with { Members = Members.Where(m => m.CustomerId != customerId).ToArray() };
    }
}
