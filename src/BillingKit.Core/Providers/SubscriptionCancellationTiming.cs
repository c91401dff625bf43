namespace BillingKit.Providers;

/// <summary>When a provider-held subscription ends.</summary>
public enum SubscriptionCancellationTiming
{
    /// <summary>Now; the provider stops billing at once.</summary>
    Immediately = 0,

    /// <summary>At the end of the current billing period; the customer keeps access until then.</summary>
    AtPeriodEnd = 1,
}
