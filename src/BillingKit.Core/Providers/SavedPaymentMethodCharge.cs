namespace BillingKit.Providers;

/// <summary>A request to charge a customer's saved payment method off-session, for a dunning retry.</summary>
/// <remarks>The adapter stores <see cref="PaymentId"/> with the provider (metadata or reference) so that
/// <see cref="IPaymentProvider.ResolvePaymentAsync"/> can find the payment when the call's outcome was lost.</remarks>
public sealed class SavedPaymentMethodCharge
{
    /// <summary>Creates the request.</summary>
    /// <param name="paymentId">Our id of the payment being attempted.</param>
    /// <param name="amount">The amount to charge; positive.</param>
    /// <param name="providerCustomerId">The provider's customer id (Stripe <c>cus_...</c>, Paystack customer code,
    /// Flutterwave customer id or email).</param>
    /// <param name="providerPaymentMethodId">The saved method: a Stripe PaymentMethod <c>pm_...</c>, a Paystack
    /// authorization code, a Flutterwave card token. For the offline provider, the transfer reference or check number
    /// of money already received.</param>
    /// <param name="idempotencyKey">Derived from our ids (invoice and attempt number) so a retried call never charges twice.</param>
    /// <exception cref="ArgumentException"><paramref name="paymentId"/> or <paramref name="idempotencyKey"/> is default,
    /// or a reference is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public SavedPaymentMethodCharge(PaymentId paymentId, Money amount, string providerCustomerId, string providerPaymentMethodId, IdempotencyKey idempotencyKey)
    {
        ProviderArguments.RequireId(paymentId.Value, nameof(paymentId));
        ProviderArguments.RequirePositive(amount, nameof(amount));
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCustomerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentMethodId);
        ProviderArguments.RequireId(idempotencyKey.Value, nameof(idempotencyKey));
        PaymentId = paymentId;
        Amount = amount;
        ProviderCustomerId = providerCustomerId;
        ProviderPaymentMethodId = providerPaymentMethodId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets our id of the payment being attempted.</summary>
    public PaymentId PaymentId { get; }

    /// <summary>Gets the amount to charge.</summary>
    public Money Amount { get; }

    /// <summary>Gets the provider's customer id.</summary>
    public string ProviderCustomerId { get; }

    /// <summary>Gets the saved payment method reference.</summary>
    public string ProviderPaymentMethodId { get; }

    /// <summary>Gets the idempotency key.</summary>
    public IdempotencyKey IdempotencyKey { get; }

    /// <summary>Gets the provider's id of an existing payment to confirm with the saved method (such as the Stripe
    /// PaymentIntent of the invoice); <see langword="null"/> creates a new payment.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? ProviderPaymentId { get; init; }

    /// <summary>Gets the customer's email address; Paystack and Flutterwave require it for a tokenized charge.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? CustomerEmail { get; init; }

    /// <summary>Gets a description shown to the customer or in the provider's dashboard.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? Description { get; init; }

    /// <summary>Gets our invoice id, stored with the provider for reference.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public InvoiceId? InvoiceId { get; init; }
}
