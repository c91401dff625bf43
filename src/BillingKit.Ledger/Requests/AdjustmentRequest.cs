using NodaTime;

namespace BillingKit.Ledger;

/// <summary>Asks to adjust what the tenant owes by hand, up or down, against the adjustments account.</summary>
public sealed record AdjustmentRequest : LedgerRequest
{
    /// <summary>Gets the amount; positive.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets whether the tenant owes more or less.</summary>
    public required AdjustmentDirection Direction { get; init; }

    /// <summary>Gets the reason; required.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets when an increase is due; required for <see cref="AdjustmentDirection.IncreaseDue"/>, ignored otherwise.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>Gets the customer, if any.</summary>
    public CustomerId? Customer { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"adjustment|{Amount}|{Direction}|{Reason}|{DueDate}|{Customer}");
}
