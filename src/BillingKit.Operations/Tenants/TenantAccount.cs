using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// A tenant in the desk's directory: who it is (name, billing e-mail, contact), what it is on (plan), how it pays
/// (provider and the provider's customer id, currency) and where it lives (time zone). The desk's lookup, views and
/// reports read it; the contexts (ledger, dunning, entitlements, invoicing) keep the money and the state.
/// </summary>
/// <remarks>Immutable. Register and change it through <see cref="TenantDirectory"/>, which validates it and writes an
/// audit record.</remarks>
public sealed record TenantAccount
{
    /// <summary>The longest name, e-mail, contact or provider customer id accepted, in characters.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Gets the tenant (the data partition of its billing).</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>Gets the tenant's name as the desk shows it, such as "Acme Corp".</summary>
    public required string Name { get; init; }

    /// <summary>Gets the e-mail address invoices and billing notices go to.</summary>
    public required string BillingEmail { get; init; }

    /// <summary>Gets the person to talk to about billing, if known.</summary>
    public string? Contact { get; init; }

    /// <summary>Gets the plan the tenant is on, if any.</summary>
    public PlanId? Plan { get; init; }

    /// <summary>Gets the payment provider that collects from the tenant.</summary>
    /// <value>Default <see cref="ProviderName.Offline"/> (invoices paid by transfer, recorded at the desk).</value>
    public ProviderName Provider { get; init; } = ProviderName.Offline;

    /// <summary>Gets the provider's id of the tenant as a customer (such as Stripe's <c>cus_...</c>), if any.</summary>
    public string? ProviderCustomerId { get; init; }

    /// <summary>Gets the customer id under which the tenant's subscriptions, invoices and payments are filed in its
    /// partition.</summary>
    /// <value>Default <see langword="null"/>: the customer id with the tenant id's text (see <see cref="BillingCustomer"/>).</value>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the tenant's time zone: its billing dates (payment dates in reports) are in it.</summary>
    /// <value>Default UTC.</value>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>Gets the currency the tenant is billed in.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets where the account stands.</summary>
    /// <value>Default <see cref="TenantAccountStatus.Active"/>.</value>
    public TenantAccountStatus Status { get; init; } = TenantAccountStatus.Active;

    /// <summary>Gets when the account was registered (set by the desk).</summary>
    public Instant RegisteredAt { get; init; }

    /// <summary>Gets when the account was last changed (set by the desk).</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>Gets the customer id the tenant's subscriptions are billed to: <see cref="Customer"/>, or the customer
    /// id with the tenant id's text.</summary>
    public CustomerId BillingCustomer => Customer ?? CustomerId.From(Tenant.Value);

    /// <summary>Tells whether the account matches a lookup: the text is found, ignoring case, in the name, the billing
    /// e-mail, the contact, the tenant id or the provider's customer id. This is the reference semantics for stores.</summary>
    /// <param name="text">What the desk typed; surrounding white space is ignored.</param>
    /// <returns><see langword="true"/> when it matches; a blank text matches nothing.</returns>
    public bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var search = text.Trim();
        return Contains(Name, search)
            || Contains(BillingEmail, search)
            || Contains(Contact, search)
            || Contains(Tenant.Value, search)
            || Contains(ProviderCustomerId, search);
    }

    private static bool Contains(string? field, string search) =>
        field is not null && field.Contains(search, StringComparison.OrdinalIgnoreCase);
}
