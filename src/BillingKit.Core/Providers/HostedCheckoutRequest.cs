using NodaTime;

namespace BillingKit.Providers;

/// <summary>
/// A request for the provider's own hosted payment page (Stripe Checkout, Paystack's and Flutterwave's standard
/// checkout) for one expected payment: the customer opens the returned link, pays there, and the provider's webhook
/// reports the payment with <see cref="PaymentId"/>.
/// </summary>
/// <remarks>
/// The adapter stores <see cref="PaymentId"/> (and <see cref="InvoiceId"/> when given) with the provider, so the
/// payment events and <see cref="IPaymentProvider.ResolvePaymentAsync"/> lead back to our payment. Asking twice with
/// the same <see cref="IdempotencyKey"/> returns the same checkout where the provider honours idempotency keys
/// (Stripe); a new key makes a new checkout for the same payment.
/// </remarks>
public sealed class HostedCheckoutRequest
{
    private readonly Uri? _cancelUrl;

    /// <summary>Creates the request.</summary>
    /// <param name="paymentId">Our id of the expected payment (a pending ledger payment).</param>
    /// <param name="amount">The amount the customer pays; positive.</param>
    /// <param name="customerEmail">The payer's email address (Paystack and Flutterwave require one; Stripe
    /// pre-fills it).</param>
    /// <param name="returnUrl">Where the provider sends the customer after paying: an absolute http or https
    /// address on the host's site.</param>
    /// <param name="idempotencyKey">Derived from our ids, so a retried call does not make a second checkout.</param>
    /// <exception cref="ArgumentException"><paramref name="paymentId"/> or <paramref name="idempotencyKey"/> is
    /// default, <paramref name="customerEmail"/> is empty, or <paramref name="returnUrl"/> is not an absolute http or
    /// https address.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="returnUrl"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public HostedCheckoutRequest(PaymentId paymentId, Money amount, string customerEmail, Uri returnUrl, IdempotencyKey idempotencyKey)
    {
        ProviderArguments.RequireId(paymentId.Value, nameof(paymentId));
        ProviderArguments.RequirePositive(amount, nameof(amount));
        ArgumentException.ThrowIfNullOrWhiteSpace(customerEmail);
        RequireWebAddress(returnUrl, nameof(returnUrl));
        ProviderArguments.RequireId(idempotencyKey.Value, nameof(idempotencyKey));
        PaymentId = paymentId;
        Amount = amount;
        CustomerEmail = customerEmail;
        ReturnUrl = returnUrl;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets our id of the expected payment.</summary>
    public PaymentId PaymentId { get; }

    /// <summary>Gets the amount the customer pays.</summary>
    public Money Amount { get; }

    /// <summary>Gets the payer's email address.</summary>
    public string CustomerEmail { get; }

    /// <summary>Gets where the customer returns after paying.</summary>
    public Uri ReturnUrl { get; }

    /// <summary>Gets the idempotency key.</summary>
    public IdempotencyKey IdempotencyKey { get; }

    /// <summary>Gets where the customer goes when they leave the page without paying (Stripe's cancel address);
    /// <see langword="null"/> uses <see cref="ReturnUrl"/>. Providers without a separate address ignore it.</summary>
    /// <value>Default <see langword="null"/>. An absolute http or https address when set.</value>
    /// <exception cref="ArgumentException">The address is not an absolute http or https address.</exception>
    public Uri? CancelUrl
    {
        get => _cancelUrl;
        init
        {
            if (value is not null)
            {
                RequireWebAddress(value, nameof(CancelUrl));
            }

            _cancelUrl = value;
        }
    }

    /// <summary>Gets the provider's customer id, when the provider already holds the customer (Stripe
    /// <c>cus_...</c>); the checkout is then attached to that customer.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? ProviderCustomerId { get; init; }

    /// <summary>Gets the payer's name, shown on the page where the provider takes one.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? CustomerName { get; init; }

    /// <summary>Gets our invoice id, stored with the provider for reference.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public InvoiceId? InvoiceId { get; init; }

    /// <summary>Gets what the customer pays for, shown on the page (for example "Invoice INV-2026-0042").</summary>
    /// <value>Default <see langword="null"/>: the adapter names the payment itself.</value>
    public string? Description { get; init; }

    /// <summary>Gets when the checkout should stop accepting payment. Providers bound it (Stripe: between 30 minutes
    /// and 24 hours from now; the adapter keeps it inside that window); the returned
    /// <see cref="HostedCheckout.ExpiresAt"/> says what the provider set.</summary>
    /// <value>Default <see langword="null"/>: the provider's default.</value>
    public Instant? ExpiresAt { get; init; }

    private static void RequireWebAddress(Uri? address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        if (!address.IsAbsoluteUri || !(string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) || string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Expected an absolute http or https address; got '{address}'.", paramName);
        }
    }
}
