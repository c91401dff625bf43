namespace BillingKit;

/// <summary>
/// How much of the service a tenant may use, as decided by the payment-failure lifecycle (dunning) and obeyed
/// by entitlements. It is the one value that crosses from dunning to entitlements.
/// </summary>
public enum AccessLevel
{
    /// <summary>Everything the plan allows.</summary>
    Full = 0,

    /// <summary>Everything the plan allows, but checks say that payment is overdue so the host can warn.</summary>
    Warned = 1,

    /// <summary>A configured set of metrics and features is denied; the rest is allowed.</summary>
    Limited = 2,

    /// <summary>Everything is denied.</summary>
    Blocked = 3,
}
