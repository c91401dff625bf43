namespace BillingKit.Providers;

/// <summary>Where a refund stands at the provider.</summary>
public enum ProviderRefundStatus
{
    /// <summary>Accepted, not yet settled.</summary>
    Pending = 0,

    /// <summary>The money went back.</summary>
    Succeeded = 1,

    /// <summary>The refund failed (a closed card account, for example); the money is still ours.</summary>
    Failed = 2,

    /// <summary>Cancelled before it settled.</summary>
    Canceled = 3,

    /// <summary>The customer or staff must act before the refund proceeds.</summary>
    RequiresAction = 4,
}
