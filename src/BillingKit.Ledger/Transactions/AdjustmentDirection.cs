namespace BillingKit.Ledger;

/// <summary>Which way a manual adjustment moves what the tenant owes.</summary>
public enum AdjustmentDirection
{
    /// <summary>The tenant owes more: like a charge, it consumes the credit balance first.</summary>
    IncreaseDue = 0,

    /// <summary>The tenant owes less: like a credit, it settles open charges and the rest becomes credit balance.</summary>
    DecreaseDue = 1,
}
