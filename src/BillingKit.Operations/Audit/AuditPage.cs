namespace BillingKit.Operations;

/// <summary>One page of audit records, newest first.</summary>
/// <param name="Records">The records.</param>
/// <param name="NextPageToken">The token for the next page, or <see langword="null"/> when this is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, string? NextPageToken);
