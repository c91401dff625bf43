namespace BillingKit.Ledger;

/// <summary>What a charge is for.</summary>
public enum ChargeKind
{
    /// <summary>An invoice.</summary>
    Invoice = 0,

    /// <summary>A one-off item charged outside any invoice run.</summary>
    OneOff = 1,
}
