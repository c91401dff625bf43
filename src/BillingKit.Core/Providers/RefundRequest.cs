namespace BillingKit.Providers;

/// <summary>A request to refund a payment fully or partially.</summary>
public sealed class RefundRequest
{
    private readonly Money? _amount;

    /// <summary>Creates the request.</summary>
    /// <param name="providerPaymentId">The provider's id of the payment (or charge) to refund.</param>
    /// <param name="idempotencyKey">Derived from our refund id, so a retried refund is never a second refund.</param>
    /// <exception cref="ArgumentException"><paramref name="providerPaymentId"/> is empty or
    /// <paramref name="idempotencyKey"/> is default.</exception>
    public RefundRequest(string providerPaymentId, IdempotencyKey idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        ProviderArguments.RequireId(idempotencyKey.Value, nameof(idempotencyKey));
        ProviderPaymentId = providerPaymentId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets the provider's id of the payment to refund.</summary>
    public string ProviderPaymentId { get; }

    /// <summary>Gets the idempotency key.</summary>
    public IdempotencyKey IdempotencyKey { get; }

    /// <summary>Gets the amount to refund; <see langword="null"/> refunds whatever remains refundable.</summary>
    /// <value>Default <see langword="null"/>. Must be positive when set.</value>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public Money? Amount
    {
        get => _amount;
        init
        {
            if (value is { } amount)
            {
                ProviderArguments.RequirePositive(amount, nameof(Amount));
            }

            _amount = value;
        }
    }

    /// <summary>Gets why the money is returned.</summary>
    /// <value>Default <see cref="RefundReason.RequestedByCustomer"/>.</value>
    public RefundReason Reason { get; init; } = RefundReason.RequestedByCustomer;

    /// <summary>Gets staff's explanation, stored with the refund at the provider.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? Note { get; init; }

    /// <summary>Gets our id of the payment being refunded, stored with the refund.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public PaymentId? PaymentId { get; init; }
}
