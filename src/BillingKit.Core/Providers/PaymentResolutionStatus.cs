namespace BillingKit.Providers;

/// <summary>What the provider says about a payment we left in Processing.</summary>
public enum PaymentResolutionStatus
{
    /// <summary>The money was captured, with the amount and currency we expected.</summary>
    Succeeded = 0,

    /// <summary>The attempt failed or was cancelled; no money moved.</summary>
    Failed = 1,

    /// <summary>The provider is still processing it (or the customer must act); ask again later.</summary>
    StillProcessing = 2,

    /// <summary>The provider has no payment for our id: the request never reached it. Searching providers may lag by
    /// a minute, so treat a fresh not-found with care.</summary>
    NotFound = 3,

    /// <summary>The provider has a payment for our id but with another amount or currency; staff must look.</summary>
    Mismatch = 4,
}
