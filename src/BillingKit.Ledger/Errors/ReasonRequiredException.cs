namespace BillingKit.Ledger;

/// <summary>Thrown when a refund, credit, charge-back, cancellation or adjustment has no reason.</summary>
public sealed class ReasonRequiredException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The kind of transaction that needs a reason.</param>
    public ReasonRequiredException(LedgerTransactionKind kind)
        : base($"A {kind} needs a reason that says why it is made; got none. Give a short explanation, such as \"service outage on 3 March\".")
    {
        Kind = kind;
    }

    /// <summary>Gets the kind of transaction that needs a reason.</summary>
    public LedgerTransactionKind Kind { get; }

    internal static string Require(string? reason, LedgerTransactionKind kind) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ReasonRequiredException(kind) : reason.Trim();
}
