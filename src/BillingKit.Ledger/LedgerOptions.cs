namespace BillingKit.Ledger;

/// <summary>Options of the ledger.</summary>
public sealed class LedgerOptions
{
    /// <summary>Gets or sets the largest page the payments list and the journal return.</summary>
    /// <value>Default 500; from 1 to 10,000.</value>
    public int MaxPageSize { get; set; } = 500;
}
