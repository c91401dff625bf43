namespace BillingKit.Ledger;

/// <summary>The pure table of valid payment status moves.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Pending: to Processing (attempt), Paid (marked as paid), Failed, Cancelled.</item>
/// <item>Processing: to Paid, Failed, Cancelled.</item>
/// <item>Failed: to Processing (retry, a new attempt), Paid (paid another way), Cancelled.</item>
/// <item>Paid: to Cancelled (a voided payment; its settlement is reversed).</item>
/// <item>Cancelled: terminal.</item>
/// </list>
/// Thread-safe and free of side effects.
/// </remarks>
public static class PaymentTransitions
{
    /// <summary>Tells whether a payment may move from one status to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The status asked for.</param>
    /// <returns><see langword="true"/> when the move is valid.</returns>
    public static bool IsAllowed(PaymentStatus from, PaymentStatus to) => (from, to) switch
    {
        (PaymentStatus.Pending, PaymentStatus.Processing or PaymentStatus.Paid or PaymentStatus.Failed or PaymentStatus.Cancelled) => true,
        (PaymentStatus.Processing, PaymentStatus.Paid or PaymentStatus.Failed or PaymentStatus.Cancelled) => true,
        (PaymentStatus.Failed, PaymentStatus.Processing or PaymentStatus.Paid or PaymentStatus.Cancelled) => true,
        (PaymentStatus.Paid, PaymentStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Gets the statuses a payment may move to from <paramref name="from"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <returns>The valid next statuses; empty for a terminal status.</returns>
    public static IReadOnlyList<PaymentStatus> Next(PaymentStatus from) =>
        [.. Enum.GetValues<PaymentStatus>().Where(to => IsAllowed(from, to))];
}
