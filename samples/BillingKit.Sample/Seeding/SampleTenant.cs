using BillingKit.Dunning;

namespace BillingKit.Sample.Seeding;

/// <summary>How a seeded tenant pays.</summary>
internal enum Collection
{
    /// <summary>A saved card, charged automatically on the due date.</summary>
    Card,

    /// <summary>A manual invoice paid by wire or bank transfer (enterprise, government).</summary>
    Manual,

    /// <summary>The members of a billing group get one consolidated invoice, paid by bank transfer.</summary>
    Group,
}

/// <summary>One tenant of the sample's book: who it is, what it pays and how.</summary>
/// <param name="Id">The tenant id (short and typeable: <c>acme</c>).</param>
/// <param name="Name">The company name.</param>
/// <param name="Segment">What kind of customer it is, for the tenant table.</param>
/// <param name="Plan">The entitlement plan.</param>
/// <param name="Price">The subscription price per month (per member for a group).</param>
/// <param name="Mode">The dunning contract mode.</param>
/// <param name="Collection">How it pays.</param>
/// <param name="Members">The billing group's member customers (names), for <see cref="Collection.Group"/>.</param>
internal sealed record SampleTenant(
    TenantId Id,
    string Name,
    string Segment,
    PlanId Plan,
    Money Price,
    ContractMode Mode,
    Collection Collection,
    IReadOnlyList<string> Members)
{
    /// <summary>The customer billed within the tenant (the tenant's own account).</summary>
    public CustomerId Customer => CustomerId.From($"cus_{Id.Value}");

    /// <summary>A member customer's id.</summary>
    public CustomerId MemberCustomer(string member) => CustomerId.From($"cus_{Id.Value}_{member.ToLowerInvariant().Replace(' ', '_')}");
}
