namespace BillingKit.Providers;

/// <summary>Evidence for a dispute (charge-back). Set the fields that apply; adapters send those the provider takes.</summary>
/// <remarks>Fields map to Stripe's <c>evidence[...]</c> parameters, Paystack's dispute resolution and Flutterwave's
/// chargeback comment; adapters document which they use.</remarks>
public sealed class DisputeEvidence
{
    /// <summary>Creates the evidence for a dispute.</summary>
    /// <param name="providerDisputeId">The provider's id of the dispute.</param>
    /// <param name="idempotencyKey">Makes the call safe to retry.</param>
    /// <exception cref="ArgumentException"><paramref name="providerDisputeId"/> is empty or
    /// <paramref name="idempotencyKey"/> is default.</exception>
    public DisputeEvidence(string providerDisputeId, IdempotencyKey idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDisputeId);
        ProviderArguments.RequireId(idempotencyKey.Value, nameof(idempotencyKey));
        ProviderDisputeId = providerDisputeId;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets the provider's id of the dispute.</summary>
    public string ProviderDisputeId { get; }

    /// <summary>Gets the idempotency key.</summary>
    public IdempotencyKey IdempotencyKey { get; }

    /// <summary>Gets a value indicating whether to submit the evidence now; otherwise it is staged for later edits.
    /// Providers take one submission only.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool Submit { get; init; } = true;

    /// <summary>Gets a description of the product or service sold.</summary>
    public string? ProductDescription { get; init; }

    /// <summary>Gets the customer's name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Gets the customer's email address.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>Gets the customer's phone number.</summary>
    public string? CustomerPhone { get; init; }

    /// <summary>Gets the IP address the customer purchased from.</summary>
    public string? CustomerPurchaseIp { get; init; }

    /// <summary>Gets the billing address.</summary>
    public string? BillingAddress { get; init; }

    /// <summary>Gets when the service was provided, as text (such as "2026-01-01 to 2026-01-31").</summary>
    public string? ServiceDate { get; init; }

    /// <summary>Gets a log of the customer's use of the service (logins, API calls).</summary>
    public string? AccessActivityLog { get; init; }

    /// <summary>Gets how the cancellation policy was shown to the customer.</summary>
    public string? CancellationPolicyDisclosure { get; init; }

    /// <summary>Gets why the customer is not entitled to a cancellation.</summary>
    public string? CancellationRebuttal { get; init; }

    /// <summary>Gets how the refund policy was shown to the customer.</summary>
    public string? RefundPolicyDisclosure { get; init; }

    /// <summary>Gets why the customer is not entitled to a refund.</summary>
    public string? RefundRefusalExplanation { get; init; }

    /// <summary>Gets anything else, as text.</summary>
    public string? UncategorizedText { get; init; }

    /// <summary>Gets the provider's file id of a receipt already uploaded to it.</summary>
    public string? ReceiptFileId { get; init; }

    /// <summary>Gets the provider's file id of customer communication already uploaded to it.</summary>
    public string? CustomerCommunicationFileId { get; init; }
}
