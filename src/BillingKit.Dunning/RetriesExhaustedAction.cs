namespace BillingKit.Dunning;

/// <summary>What happens in <see cref="ContractMode.Standard"/> mode when the last scheduled retry fails.</summary>
public enum RetriesExhaustedAction
{
    /// <summary>Nothing more: retries stop and stages keep following the days past due (the default).</summary>
    KeepProgressing = 0,

    /// <summary>Move to <see cref="DunningState.Unpaid"/> at once; no further automatic change.</summary>
    MarkUnpaid = 1,

    /// <summary>Move to <see cref="DunningState.Suspended"/> at once, recording every stage in between.</summary>
    Suspend = 2,
}
