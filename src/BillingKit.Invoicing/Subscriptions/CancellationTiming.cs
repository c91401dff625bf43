namespace BillingKit.Invoicing;

/// <summary>When a cancellation takes effect.</summary>
public enum CancellationTiming
{
    /// <summary>On the cancellation date itself: payments due from that date on are canceled.</summary>
    Immediately = 0,

    /// <summary>At the end of the billing period that contains the cancellation date: the customer keeps what they paid
    /// for, and payments due from the next period on are canceled.</summary>
    AtPeriodEnd = 1,
}
