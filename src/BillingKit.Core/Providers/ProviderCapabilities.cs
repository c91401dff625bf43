namespace BillingKit.Providers;

/// <summary>The operations an <see cref="IPaymentProvider"/> supports. Operations outside them throw
/// <see cref="UnsupportedProviderOperationException"/> before any request.</summary>
[Flags]
#pragma warning disable CA1711 // "Capabilities" is not a collection suffix here; the name says what the flags are.
public enum ProviderCapabilities
#pragma warning restore CA1711
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><see cref="IPaymentProvider.GetPaymentAsync"/>.</summary>
    RetrievePayment = 1,

    /// <summary><see cref="IPaymentProvider.ChargeSavedPaymentMethodAsync"/>.</summary>
    ChargeSavedPaymentMethod = 1 << 1,

    /// <summary><see cref="IPaymentProvider.RefundAsync"/> for the full amount.</summary>
    Refund = 1 << 2,

    /// <summary><see cref="IPaymentProvider.RefundAsync"/> for part of the amount.</summary>
    PartialRefund = 1 << 3,

    /// <summary><see cref="IPaymentProvider.GetCustomerAsync"/>.</summary>
    RetrieveCustomer = 1 << 4,

    /// <summary><see cref="IPaymentProvider.FindCustomersByEmailAsync"/>.</summary>
    FindCustomersByEmail = 1 << 5,

    /// <summary><see cref="IPaymentProvider.SubmitDisputeEvidenceAsync"/>.</summary>
    SubmitDisputeEvidence = 1 << 6,

    /// <summary><see cref="IPaymentProvider.AcceptDisputeAsync"/>.</summary>
    AcceptDispute = 1 << 7,

    /// <summary><see cref="IPaymentProvider.CancelSubscriptionAsync"/> with <see cref="SubscriptionCancellationTiming.Immediately"/>.</summary>
    CancelSubscription = 1 << 8,

    /// <summary><see cref="IPaymentProvider.CancelSubscriptionAsync"/> with <see cref="SubscriptionCancellationTiming.AtPeriodEnd"/>.</summary>
    CancelSubscriptionAtPeriodEnd = 1 << 9,

    /// <summary><see cref="IPaymentProvider.ResolvePaymentAsync"/>.</summary>
    ResolvePayment = 1 << 10,

    /// <summary><see cref="IPaymentProvider.CreateHostedCheckoutAsync"/>.</summary>
    HostedCheckout = 1 << 11,
}
