using System.Runtime.CompilerServices;
using NodaTime;

namespace BillingKit.Providers;

/// <summary>
/// The built-in provider for money that moves outside any payment provider: wire transfers, checks and cash. It
/// calls nothing and keeps nothing: a "charge" records money staff already received, a refund records money staff
/// return by hand. Both come back at once as <see cref="ProviderPaymentStatus.Succeeded"/> with
/// <c>IsManual</c> set, with ids derived from the idempotency key so that a retry returns the same id.
/// </summary>
/// <remarks>Supports every currency. Retrieval, customers, disputes, subscriptions, hosted checkout and reconciliation throw
/// <see cref="UnsupportedProviderOperationException"/>: there is no provider to ask. Thread-safe.</remarks>
public sealed class OfflinePaymentProvider : IPaymentProvider
{
    private readonly IClock _clock;

    /// <summary>Creates the provider.</summary>
    /// <param name="clock">Stamps the records.</param>
    /// <param name="account">The account name, <see cref="PaymentProviderRegistration.DefaultAccount"/> unless given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is not a valid account name.</exception>
    public OfflinePaymentProvider(IClock clock, string account = PaymentProviderRegistration.DefaultAccount)
    {
        ArgumentNullException.ThrowIfNull(clock);
        PaymentProviderRegistration.RequireAccountName(account);
        _clock = clock;
        Account = account;
    }

    /// <inheritdoc/>
    public ProviderName Provider => ProviderName.Offline;

    /// <inheritdoc/>
    public string Account { get; }

    /// <inheritdoc/>
    public ProviderCapabilities Capabilities =>
        ProviderCapabilities.ChargeSavedPaymentMethod | ProviderCapabilities.Refund | ProviderCapabilities.PartialRefund;

    /// <inheritdoc/>
    /// <remarks>Every currency: money received by hand can be in any.</remarks>
    public bool SupportsCurrency(Currency currency) => true;

    /// <inheritdoc/>
    public Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        throw Unsupported(ProviderCapabilities.RetrievePayment, "offline payments are kept only in the ledger; read them there.");
    }

    /// <inheritdoc/>
    /// <remarks>Records money already received: <see cref="SavedPaymentMethodCharge.ProviderPaymentMethodId"/> is
    /// the transfer reference or check number. The payment id is <c>offline_pay_</c> plus the idempotency key.</remarks>
    public Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ProviderPayment
        {
            Provider = Provider,
            ProviderPaymentId = "offline_pay_" + charge.IdempotencyKey.Value,
            Amount = charge.Amount,
            Status = ProviderPaymentStatus.Succeeded,
            CreatedAt = _clock.GetCurrentInstant(),
            PaymentId = charge.PaymentId,
            ProviderCustomerId = charge.ProviderCustomerId,
            ProviderPaymentMethodId = charge.ProviderPaymentMethodId,
            IsManual = true,
        });
    }

    /// <inheritdoc/>
    /// <remarks>Records a refund staff make by hand. The amount is required: the offline provider keeps no payments,
    /// so it cannot know the remainder (the desk checks the refundable amount against the ledger). The refund id is
    /// <c>offline_ref_</c> plus the idempotency key.</remarks>
    /// <exception cref="ArgumentException">The refund has no amount.</exception>
    public Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.Amount is not { } amount)
        {
            throw new ArgumentException("The offline provider keeps no payments, so a refund needs an explicit amount; give RefundRequest.Amount (the desk knows the refundable amount from the ledger).", nameof(refund));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ProviderRefund
        {
            Provider = Provider,
            ProviderRefundId = "offline_ref_" + refund.IdempotencyKey.Value,
            ProviderPaymentId = refund.ProviderPaymentId,
            Amount = amount,
            Status = ProviderRefundStatus.Succeeded,
            CreatedAt = _clock.GetCurrentInstant(),
            IsManual = true,
        });
    }

    /// <inheritdoc/>
    public Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCustomerId);
        throw Unsupported(ProviderCapabilities.RetrieveCustomer, "there is no provider holding customers; use the host's customer records.");
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        throw Unsupported(ProviderCapabilities.FindCustomersByEmail, "there is no provider holding customers; use the host's customer records.");
    }

    /// <inheritdoc/>
    public Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        throw Unsupported(ProviderCapabilities.SubmitDisputeEvidence, "wire, check and cash payments have no card disputes; handle a bank recall with the bank.");
    }

    /// <inheritdoc/>
    public Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDisputeId);
        throw Unsupported(ProviderCapabilities.AcceptDispute, "wire, check and cash payments have no card disputes; handle a bank recall with the bank.");
    }

    /// <inheritdoc/>
    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        throw Unsupported(
            cancellation.Timing == SubscriptionCancellationTiming.AtPeriodEnd ? ProviderCapabilities.CancelSubscriptionAtPeriodEnd : ProviderCapabilities.CancelSubscription,
            "offline subscriptions are held by BillingKit's invoicing, not by a provider; cancel them there.");
    }

    /// <inheritdoc/>
    public Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        throw Unsupported(ProviderCapabilities.ResolvePayment, "offline payments are recorded when the money arrives and never wait on a provider; check the bank statement.");
    }

    /// <inheritdoc/>
    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw Unsupported(ProviderCapabilities.HostedCheckout, "wire, check and cash payments have no provider page; send the invoice with the bank details instead.");
    }

    private UnsupportedProviderOperationException Unsupported(ProviderCapabilities operation, string detail) => new(Provider, operation, detail);
}
