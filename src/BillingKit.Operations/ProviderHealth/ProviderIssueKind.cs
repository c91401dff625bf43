namespace BillingKit.Operations;

/// <summary>What is wrong with a degraded provider.</summary>
public enum ProviderIssueKind
{
    /// <summary>The provider is limiting our request rate.</summary>
    RateLimited = 0,

    /// <summary>The provider fails (5xx), does not answer, or fails in ways the adapter cannot classify.</summary>
    Outage = 1,

    /// <summary>The provider rejects our credentials: a configuration problem.</summary>
    Unauthorized = 2,

    /// <summary>Synchronisation with the provider failed (reconciliation, event handling), or it answered with
    /// something we could not read.</summary>
    SyncFailure = 3,
}
