namespace BillingKit.Dunning;

/// <summary>Why a <see cref="DunningTransition"/> was taken.</summary>
public enum TransitionCause
{
    /// <summary>A payment failed (or an open failure put the tenant back into the lifecycle).</summary>
    PaymentFailed = 0,

    /// <summary>A payment succeeded and settled the balance.</summary>
    PaymentSucceeded = 1,

    /// <summary>Enough days passed since the first failure (plus any grace) for the next stage.</summary>
    DaysPastDue = 2,

    /// <summary>Every scheduled retry failed and the policy's <see cref="RetriesExhaustedAction"/> applied.</summary>
    RetriesExhausted = 3,

    /// <summary>An admin forced a state or cleared a forced state.</summary>
    AdminOverride = 4,

    /// <summary>The subscription was canceled.</summary>
    Canceled = 5,
}
