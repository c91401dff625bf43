namespace BillingKit.Ledger;

/// <summary>Why a credit is granted.</summary>
public enum CreditKind
{
    /// <summary>Goodwill, for example after a service disruption (debits the adjustments account).</summary>
    Goodwill = 0,

    /// <summary>A promotional or onboarding incentive (debits the adjustments account).</summary>
    Promotional = 1,

    /// <summary>The correction of a billing error (debits revenue, which was overstated).</summary>
    Correction = 2,
}
