using BillingKit.Providers;

namespace BillingKit.Operations.Tests.Desk;

/// <summary>A card provider (Stripe by name) that answers refunds and dispute calls as told and records every call. No network.</summary>
public sealed class FakeCardProvider : IPaymentProvider
{
    private readonly Lock _gate = new();
    private readonly List<RefundRequest> _refunds = [];
    private readonly List<DisputeEvidence> _evidence = [];
    private readonly List<(string DisputeId, IdempotencyKey Key)> _accepted = [];
    private readonly List<HostedCheckoutRequest> _checkouts = [];

    /// <summary>Gets or sets how the next refunds end.</summary>
    public ProviderRefundStatus RefundStatus { get; set; } = ProviderRefundStatus.Succeeded;

    /// <summary>Gets or sets an error the next refund calls throw (a timeout is <see cref="ProviderErrorKind.Network"/>).</summary>
    public ProviderErrorKind? RefundError { get; set; }

    public ProviderName Provider => ProviderName.Stripe;

    public string Account => PaymentProviderRegistration.DefaultAccount;

    public ProviderCapabilities Capabilities =>
        ProviderCapabilities.Refund | ProviderCapabilities.PartialRefund | ProviderCapabilities.SubmitDisputeEvidence | ProviderCapabilities.AcceptDispute | ProviderCapabilities.HostedCheckout;

    /// <summary>Gets or sets an error the next hosted checkout calls throw.</summary>
    public ProviderErrorKind? CheckoutError { get; set; }

    public IReadOnlyList<HostedCheckoutRequest> Checkouts
    {
        get
        {
            lock (_gate)
            {
                return [.. _checkouts];
            }
        }
    }

    public IReadOnlyList<RefundRequest> Refunds
    {
        get
        {
            lock (_gate)
            {
                return [.. _refunds];
            }
        }
    }

    public IReadOnlyList<DisputeEvidence> Evidence
    {
        get
        {
            lock (_gate)
            {
                return [.. _evidence];
            }
        }
    }

    public IReadOnlyList<(string DisputeId, IdempotencyKey Key)> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public bool SupportsCurrency(Currency currency) => true;

    public Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _refunds.Add(refund);
        }

        if (RefundError is { } kind)
        {
            return Task.FromException<ProviderRefund>(new ProviderException(Provider, kind, kind == ProviderErrorKind.Network ? "timeout" : "refund_failed", $"{kind} from the fake"));
        }

        return Task.FromResult(new ProviderRefund
        {
            Provider = Provider,
            ProviderRefundId = "re_" + refund.IdempotencyKey.Value.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            ProviderPaymentId = refund.ProviderPaymentId,
            Amount = refund.Amount!.Value,
            Status = RefundStatus,
            FailureReason = RefundStatus == ProviderRefundStatus.Failed ? "charge_already_refunded" : null,
        });
    }

    public Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _evidence.Add(evidence);
        }

        return Task.FromResult(Dispute(evidence.ProviderDisputeId, ProviderDisputeStatus.UnderReview));
    }

    public Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _accepted.Add((providerDisputeId, idempotencyKey));
        }

        return Task.FromResult(Dispute(providerDisputeId, ProviderDisputeStatus.Lost));
    }

    public Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default) => Unsupported<ProviderPayment>(ProviderCapabilities.RetrievePayment);

    public Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default) => Unsupported<ProviderPayment>(ProviderCapabilities.ChargeSavedPaymentMethod);

    public Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default) => Unsupported<ProviderCustomer>(ProviderCapabilities.RetrieveCustomer);

    public IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        throw new UnsupportedProviderOperationException(Provider, ProviderCapabilities.FindCustomersByEmail, "the fake has no customers");

    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default) => Unsupported<ProviderSubscription>(ProviderCapabilities.CancelSubscription);

    public Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default) => Unsupported<PaymentResolution>(ProviderCapabilities.ResolvePayment);

    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CheckoutError is { } error)
        {
            return Task.FromException<HostedCheckout>(new ProviderException(Provider, error, "checkout_failed", $"{error} from the fake"));
        }

        int number;
        lock (_gate)
        {
            _checkouts.Add(request);
            number = _checkouts.Count;
        }

        return Task.FromResult(new HostedCheckout
        {
            Provider = Provider,
            ProviderCheckoutId = "cs_test_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Url = new Uri("https://checkout.example.test/c/pay/cs_test_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PaymentId = request.PaymentId,
            Amount = request.Amount,
            ExpiresAt = request.ExpiresAt,
        });
    }

    private ProviderDispute Dispute(string id, ProviderDisputeStatus status) => new()
    {
        Provider = Provider,
        ProviderDisputeId = id,
        ProviderPaymentId = "ch_unknown",
        Amount = Money.FromMajor(1m, Currency.USD),
        Status = status,
    };

    private Task<T> Unsupported<T>(ProviderCapabilities operation) =>
        Task.FromException<T>(new UnsupportedProviderOperationException(Provider, operation, "the fake does not do it"));
}
