namespace BillingKit.Providers;

/// <summary>What kind of provider error a <see cref="ProviderException"/> is, independent of the provider.</summary>
public enum ProviderErrorKind
{
    /// <summary>An error the adapter could not classify.</summary>
    Unknown = 0,

    /// <summary>The card or account was declined (insufficient funds, do not honor, expired card, ...); see
    /// <see cref="ProviderException.DeclineCode"/>.</summary>
    Declined = 1,

    /// <summary>The customer must authenticate (3-D Secure); an off-session charge cannot proceed.</summary>
    AuthenticationRequired = 2,

    /// <summary>The request was invalid (such as a refund above the refundable amount).</summary>
    InvalidRequest = 3,

    /// <summary>The id is unknown to the provider.</summary>
    NotFound = 4,

    /// <summary>The API key was rejected or lacks permission.</summary>
    Unauthorized = 5,

    /// <summary>Too many requests; transient.</summary>
    RateLimited = 6,

    /// <summary>The request conflicts with another (an idempotency key reused with other parameters, a concurrent
    /// change of the same object).</summary>
    Conflict = 7,

    /// <summary>The provider failed (5xx); usually transient.</summary>
    ProviderUnavailable = 8,

    /// <summary>No answer: a network error or a timeout; the outcome is unknown and must be reconciled.</summary>
    Network = 9,

    /// <summary>The provider answered with something the adapter could not read.</summary>
    InvalidResponse = 10,
}
