namespace BillingKit.Providers;

/// <summary>
/// A payment provider refused or failed a request. Adapters map every provider error onto this type so callers
/// catch one type whatever the provider.
/// </summary>
/// <remarks>
/// Branch on <see cref="Kind"/> and <see cref="IsTransient"/>: a transient error may succeed when retried with the
/// same idempotency key; a <see cref="ProviderErrorKind.Network"/> error leaves the outcome unknown, so keep the
/// operation in Processing and reconcile it. The message is for staff; never show provider messages to customers.
/// </remarks>
public sealed class ProviderException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider that failed.</param>
    /// <param name="kind">The provider-neutral kind of error; it sets <see cref="IsTransient"/> (rate limits,
    /// provider outages and network errors are transient) unless the initializer overrides it.</param>
    /// <param name="code">The provider's error code, such as <c>card_declined</c>, or a code the adapter chose
    /// (<c>network_error</c>).</param>
    /// <param name="message">What failed, and what to do.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is empty.</exception>
    public ProviderException(ProviderName provider, ProviderErrorKind kind, string code, string message, Exception? innerException = null)
        : base(ValidMessage(message), innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Provider = provider;
        Kind = kind;
        Code = code;
        IsTransient = kind is ProviderErrorKind.RateLimited or ProviderErrorKind.ProviderUnavailable or ProviderErrorKind.Network;
    }

    /// <summary>Gets the provider that failed.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets the provider-neutral kind of error.</summary>
    public ProviderErrorKind Kind { get; }

    /// <summary>Gets the provider's error code, such as <c>card_declined</c>, <c>expired_card</c>,
    /// <c>rate_limit</c>, or an adapter code such as <c>network_error</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the issuer's decline code, such as <c>insufficient_funds</c> or <c>do_not_honor</c>.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>Gets the HTTP status the provider answered with; <see langword="null"/> when there was no answer.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Gets a value indicating whether a retry (with the same idempotency key) may succeed.</summary>
    public bool IsTransient { get; init; }

    /// <summary>Gets the account that made the request, when known.</summary>
    public string? Account { get; init; }

    /// <summary>Gets the provider's request id (Stripe <c>Request-Id</c>), for its support.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the provider's id of the payment the error concerns, when the provider says (a declined Stripe
    /// PaymentIntent).</summary>
    public string? ProviderPaymentId { get; init; }

    private static string ValidMessage(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return message;
    }
}
