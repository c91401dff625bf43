using System.Security.Cryptography;
using System.Text;
using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Manages billing groups and builds their consolidated invoices.</summary>
/// <remarks>
/// <para>A customer belongs to at most one group. A group's invoice for a billing period has one line per member
/// subscription charge falling due in the period, with the customer's name on each line (see
/// <see cref="InvoiceConsolidation"/>). Finalize it and record its payment with <see cref="InvoiceService"/>; one
/// payment settles the whole invoice and is allocated over its lines, oldest due first.</para>
/// <para>Every mutating method comes in a form that takes the caller's <see cref="ITenantUnitOfWork"/> and one that
/// begins and commits its own. Thread-safe.</para>
/// </remarks>
public sealed class BillingGroupService
{
    private readonly IBillingGroupStore _groups;
    private readonly ISubscriptionStore _subscriptions;
    private readonly IInvoiceStore _invoices;
    private readonly IUnitOfWorkFactory _units;
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;

    /// <summary>Creates the service.</summary>
    /// <param name="groups">The billing-group store.</param>
    /// <param name="subscriptions">The subscription store.</param>
    /// <param name="invoices">The invoice store.</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The invoicing options (time zone).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options' time zone is unknown.</exception>
    public BillingGroupService(IBillingGroupStore groups, ISubscriptionStore subscriptions, IInvoiceStore invoices, IUnitOfWorkFactory units, IClock clock, IOptions<InvoicingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _groups = groups;
        _subscriptions = subscriptions;
        _invoices = invoices;
        _units = units;
        _clock = clock;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.Value.TimeZoneId)
            ?? throw new ArgumentException($"'{options.Value.TimeZoneId}' is not an IANA time zone id.", nameof(options));
    }

    /// <summary>Creates an empty billing group in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The group's name, printed as the invoice's addressee.</param>
    /// <param name="primaryContact">The primary contact and billing address.</param>
    /// <param name="billingEmail">Where the group's invoices go.</param>
    /// <param name="terms">The payment terms of its invoices.</param>
    /// <param name="currency">Its invoicing currency.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException">A value is missing or the email is malformed.</exception>
    public ValueTask<BillingGroup> CreateAsync(TenantId tenant, string name, InvoiceParty primaryContact, string billingEmail, PaymentTerms terms, Currency currency, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => CreateAsync(unit, name, primaryContact, billingEmail, terms, currency, cancellationToken), cancellationToken);

    /// <summary>Creates an empty billing group within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="primaryContact">The primary contact and billing address.</param>
    /// <param name="billingEmail">Where the group's invoices go.</param>
    /// <param name="terms">The payment terms.</param>
    /// <param name="currency">Its invoicing currency.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentException">A value is missing or the email is malformed.</exception>
    public async ValueTask<BillingGroup> CreateAsync(ITenantUnitOfWork unit, string name, InvoiceParty primaryContact, string billingEmail, PaymentTerms terms, Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var group = BillingGroup.Create(BillingGroupId.New(), name, primaryContact, billingEmail, terms, currency, _clock.GetCurrentInstant());
        await _groups.SaveAsync(unit, group, cancellationToken).ConfigureAwait(false);
        return group;
    }

    /// <summary>Adds a customer to a group in its own unit of work; all its subscriptions bill to the group from then on.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The customer and its printed name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group.</returns>
    /// <exception cref="InvoicingNotFoundException">No such group.</exception>
    /// <exception cref="BillingGroupMembershipException">The customer is already in this or another group.</exception>
    public ValueTask<BillingGroup> AddMemberAsync(TenantId tenant, BillingGroupId groupId, BillingGroupMember member, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => AddMemberAsync(unit, groupId, member, cancellationToken), cancellationToken);

    /// <summary>Adds a customer to a group within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="member">The customer and its printed name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group.</returns>
    /// <exception cref="InvoicingNotFoundException">No such group.</exception>
    /// <exception cref="BillingGroupMembershipException">The customer is already in this or another group.</exception>
    public async ValueTask<BillingGroup> AddMemberAsync(ITenantUnitOfWork unit, BillingGroupId groupId, BillingGroupMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var group = await RequireAsync(unit, groupId, cancellationToken).ConfigureAwait(false);
        var current = await _groups.FindByMemberAsync(unit, member.CustomerId, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.Id != groupId)
        {
            throw new BillingGroupMembershipException(groupId, member.CustomerId, $"Customer {member.CustomerId} is already in billing group {current.Id}; remove it there first.");
        }

        var updated = group.AddMember(member);
        await _groups.SaveAsync(unit, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Removes a customer from a group in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group.</returns>
    /// <exception cref="InvoicingNotFoundException">No such group.</exception>
    /// <exception cref="BillingGroupMembershipException">The customer is not in the group.</exception>
    public ValueTask<BillingGroup> RemoveMemberAsync(TenantId tenant, BillingGroupId groupId, CustomerId customerId, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => RemoveMemberAsync(unit, groupId, customerId, cancellationToken), cancellationToken);

    /// <summary>Removes a customer from a group within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The group.</returns>
    /// <exception cref="InvoicingNotFoundException">No such group.</exception>
    /// <exception cref="BillingGroupMembershipException">The customer is not in the group.</exception>
    public async ValueTask<BillingGroup> RemoveMemberAsync(ITenantUnitOfWork unit, BillingGroupId groupId, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var group = await RequireAsync(unit, groupId, cancellationToken).ConfigureAwait(false);
        var updated = group.RemoveMember(customerId);
        await _groups.SaveAsync(unit, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Builds and saves the group's consolidated draft invoice for a billing period, dated today, in its own
    /// unit of work. Asking again for the same group and period returns the same invoice.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="period">The billing period (start inclusive, end exclusive).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft, or <see langword="null"/> when nothing falls due in the period.</returns>
    /// <exception cref="InvoicingNotFoundException">No such group.</exception>
    /// <exception cref="CurrencyMismatchException">A member subscription is priced in another currency than the group.</exception>
    public ValueTask<Invoice?> CreateInvoiceAsync(TenantId tenant, BillingGroupId groupId, BillingPeriod period, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => CreateInvoiceAsync(unit, groupId, period, cancellationToken), cancellationToken);

    /// <summary>Builds and saves the group's consolidated draft invoice for a billing period within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="period">The billing period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft, or <see langword="null"/> when nothing falls due in the period.</returns>
    /// <exception cref="InvoicingNotFoundException">No such group.</exception>
    /// <exception cref="CurrencyMismatchException">A member subscription is priced in another currency than the group.</exception>
    public async ValueTask<Invoice?> CreateInvoiceAsync(ITenantUnitOfWork unit, BillingGroupId groupId, BillingPeriod period, CancellationToken cancellationToken = default)
    {
        var group = await RequireAsync(unit, groupId, cancellationToken).ConfigureAwait(false);
        var id = GroupInvoiceId(groupId, period);
        if (await _invoices.FindAsync(unit, id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var customers = group.Members.Select(m => m.CustomerId).ToHashSet();
        var subscriptions = await _subscriptions.ListForCustomersAsync(unit, customers, cancellationToken).ConfigureAwait(false);
        var invoice = InvoiceConsolidation.Consolidate(id, unit.Tenant, group, subscriptions, period, UnitRunner.Today(_clock, _zone), _clock.GetCurrentInstant());
        if (invoice.Lines.Count == 0)
        {
            return null;
        }

        await _invoices.SaveAsync(unit, invoice, cancellationToken).ConfigureAwait(false);
        return invoice;
    }

    /// <summary>Gets a committed group.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="groupId">The group.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    public ValueTask<BillingGroup?> GetAsync(TenantId tenant, BillingGroupId groupId, CancellationToken cancellationToken = default) =>
        _groups.GetAsync(tenant, groupId, cancellationToken);

    /// <summary>Lists a tenant's groups by name.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups.</returns>
    public ValueTask<IReadOnlyList<BillingGroup>> ListAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _groups.ListAsync(tenant, cancellationToken);

    /// <summary>The id of a group's invoice for a period, derived so that building it twice finds the first.</summary>
    internal static InvoiceId GroupInvoiceId(BillingGroupId groupId, BillingPeriod period)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(groupId.Value + "|" + period.ToString()));
        return InvoiceId.From("ginv_" + Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }

    private async ValueTask<BillingGroup> RequireAsync(ITenantUnitOfWork unit, BillingGroupId groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await _groups.FindAsync(unit, groupId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoicingNotFoundException(unit.Tenant, "billing group", groupId.Value);
    }
}
