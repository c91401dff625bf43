namespace BillingKit.Providers;

/// <summary>A request to cancel a subscription that the provider holds.</summary>
public sealed class SubscriptionCancellation
{
    /// <summary>Creates the request.</summary>
    /// <param name="providerSubscriptionId">The provider's id of the subscription.</param>
    /// <param name="timing">Now or at period end.</param>
    /// <param name="idempotencyKey">Makes the call safe to retry.</param>
    /// <exception cref="ArgumentException"><paramref name="providerSubscriptionId"/> is empty,
    /// <paramref name="idempotencyKey"/> is default, or <paramref name="timing"/> is undefined.</exception>
    public SubscriptionCancellation(string providerSubscriptionId, SubscriptionCancellationTiming timing, IdempotencyKey idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerSubscriptionId);
        ProviderArguments.RequireId(idempotencyKey.Value, nameof(idempotencyKey));
        if (!Enum.IsDefined(timing))
        {
            throw new ArgumentException($"'{timing}' is not a cancellation timing; expected Immediately or AtPeriodEnd.", nameof(timing));
        }

        ProviderSubscriptionId = providerSubscriptionId;
        Timing = timing;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets the provider's id of the subscription.</summary>
    public string ProviderSubscriptionId { get; }

    /// <summary>Gets when the subscription ends.</summary>
    public SubscriptionCancellationTiming Timing { get; }

    /// <summary>Gets the idempotency key.</summary>
    public IdempotencyKey IdempotencyKey { get; }
}
