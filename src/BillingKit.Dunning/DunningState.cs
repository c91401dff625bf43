namespace BillingKit.Dunning;

/// <summary>Where a tenant stands in the payment-failure lifecycle.</summary>
/// <remarks>
/// The lifecycle proper is the chain <see cref="Active"/> → <see cref="PastDue"/> → <see cref="Degraded"/> →
/// <see cref="Restricted"/> → <see cref="Suspended"/>, with <see cref="Unpaid"/> beside it once retries are exhausted.
/// <see cref="Trialing"/> and <see cref="Canceled"/> express subscriptions where the lifecycle does not apply;
/// <see cref="Canceled"/> is terminal.
/// </remarks>
public enum DunningState
{
    /// <summary>Paid up; full access.</summary>
    Active = 0,

    /// <summary>A payment failed and the balance is open; retries are scheduled (Standard mode).</summary>
    PastDue = 1,

    /// <summary>Past due long enough that the service is degraded.</summary>
    Degraded = 2,

    /// <summary>Past due long enough that the service is restricted.</summary>
    Restricted = 3,

    /// <summary>Past due long enough (or retries exhausted with the Suspend action) that access is suspended.</summary>
    Suspended = 4,

    /// <summary>Every scheduled retry failed and the balance is left open; no further automatic attempts.</summary>
    Unpaid = 5,

    /// <summary>In a trial: nothing is owed yet, so the lifecycle does not apply until the first charge.</summary>
    Trialing = 6,

    /// <summary>The subscription ended; terminal: no event or override leaves it.</summary>
    Canceled = 7,
}
