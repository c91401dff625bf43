namespace BillingKit.Providers;

/// <summary>Why a webhook delivery was refused.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>The signature header is absent.</summary>
    MissingHeader = 0,

    /// <summary>The signature header cannot be read.</summary>
    MalformedHeader = 1,

    /// <summary>No configured secret produces the signature: a wrong secret or a tampered body.</summary>
    BadSignature = 2,

    /// <summary>The signed timestamp is outside the tolerance: a replay of an old delivery, or a skewed clock.</summary>
    StaleTimestamp = 3,

    /// <summary>The account has no webhook secret configured.</summary>
    NoSecretConfigured = 4,

    /// <summary>The signature is valid but the body is not an event the adapter can read.</summary>
    MalformedBody = 5,
}
