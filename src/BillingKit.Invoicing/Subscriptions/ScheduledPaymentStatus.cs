namespace BillingKit.Invoicing;

/// <summary>The state of one scheduled payment.</summary>
public enum ScheduledPaymentStatus
{
    /// <summary>Not yet paid.</summary>
    Pending = 0,

    /// <summary>Paid.</summary>
    Paid = 1,

    /// <summary>No longer due because the subscription was canceled.</summary>
    Canceled = 2,
}
