namespace BillingKit;

/// <summary>How often a subscription bills. The value is the number of months in one billing period.</summary>
public enum BillingFrequency
{
    /// <summary>Every month.</summary>
    Monthly = 1,

    /// <summary>Every three months.</summary>
    Quarterly = 3,

    /// <summary>Every twelve months.</summary>
    Annually = 12,
}
