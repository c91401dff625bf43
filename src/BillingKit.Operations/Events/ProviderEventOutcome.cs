namespace BillingKit.Operations;

/// <summary>What handling a provider event did.</summary>
public enum ProviderEventOutcome
{
    /// <summary>The event moved the ledger, invoices, dunning, refunds or disputes.</summary>
    Applied = 0,

    /// <summary>Handled but changed nothing: stale (older than the state it would change), nothing of ours it refers
    /// to, or an event BillingKit does not act on. It is recorded as handled and audited.</summary>
    Ignored = 1,

    /// <summary>A replay of an event already handled: nothing was written (not even an audit record).</summary>
    Duplicate = 2,

    /// <summary>Recorded, but the books cannot follow on their own (for example a refund that failed after it was
    /// posted); an escalation was raised for staff.</summary>
    NeedsAttention = 3,
}
