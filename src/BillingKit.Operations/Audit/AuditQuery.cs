using NodaTime;

namespace BillingKit.Operations;

/// <summary>Which audit records to read: any combination of tenant, actor, action and time range, one page at a
/// time, newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Gets the tenant; <see langword="null"/> for every tenant.</summary>
    public TenantId? Tenant { get; init; }

    /// <summary>Gets the actor's id; <see langword="null"/> for every actor.</summary>
    public string? ActorId { get; init; }

    /// <summary>Gets the action's name (exact, ordinal), such as <c>refund.issue</c>; <see langword="null"/> for every action.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the start of the time range (inclusive); <see langword="null"/> for no start.</summary>
    public Instant? From { get; init; }

    /// <summary>Gets the end of the time range (exclusive); <see langword="null"/> for no end. An end at or before
    /// the start matches nothing.</summary>
    public Instant? Until { get; init; }

    /// <summary>Gets the number of records per page, 1 to <see cref="MaxPageSize"/>.</summary>
    /// <value>50.</value>
    /// <exception cref="ArgumentOutOfRangeException">On init: the size is out of range.</exception>
    public int PageSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxPageSize);
            field = value;
        }
    } = 50;

    /// <summary>Gets the token of the page to read, from <see cref="AuditPage.NextPageToken"/>; <see langword="null"/>
    /// for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>Tells whether a record matches the filters (not the paging).</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Tenant is not { } tenant || record.Tenant == tenant)
            && (ActorId is null || string.Equals(record.ActorId, ActorId, StringComparison.Ordinal))
            && (Action is null || string.Equals(record.Action, Action, StringComparison.Ordinal))
            && (From is not { } from || record.At >= from)
            && (Until is not { } until || record.At < until);
    }
}
