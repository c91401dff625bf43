using System.Globalization;
using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// The sample's stand-in for a card processor, behind BillingKit's provider port: every charge succeeds unless the
/// demo scripted a decline for the tenant (raised as a <see cref="ProviderException"/> with the decline code, as the
/// real adapters do), and refunds succeed at once. Ids are numbered, so runs are repeatable.
/// </summary>
internal sealed class SimulatedCardProvider(IClock clock) : IPaymentProvider
{
    public static readonly ProviderName Name = ProviderName.From("simcard");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<string>> _declines = new(StringComparer.Ordinal);
    private int _charges;
    private int _refunds;

    public ProviderName Provider => Name;

    public string Account => PaymentProviderRegistration.DefaultAccount;

    public ProviderCapabilities Capabilities =>
        ProviderCapabilities.ChargeSavedPaymentMethod | ProviderCapabilities.Refund | ProviderCapabilities.PartialRefund;

    /// <summary>Makes the next charges of this card customer fail with these decline codes, one per charge.</summary>
    public void DeclineNext(string providerCustomerId, params string[] declineCodes)
    {
        lock (_gate)
        {
            if (!_declines.TryGetValue(providerCustomerId, out var queue))
            {
                queue = new Queue<string>();
                _declines[providerCustomerId] = queue;
            }

            foreach (var code in declineCodes)
            {
                queue.Enqueue(code);
            }
        }
    }

    public bool SupportsCurrency(Currency currency) => true;

    public Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        string chargeId;
        string? decline;
        lock (_gate)
        {
            _charges++;
            chargeId = string.Create(CultureInfo.InvariantCulture, $"ch_{_charges:0000}");
            decline = _declines.TryGetValue(charge.ProviderCustomerId, out var queue) && queue.TryDequeue(out var code) ? code : null;
        }

        if (decline is not null)
        {
            throw new ProviderException(Name, ProviderErrorKind.Declined, "card_declined", $"The card was declined ({decline}).")
            {
                DeclineCode = decline,
                ProviderPaymentId = chargeId,
            };
        }

        return Task.FromResult(new ProviderPayment
        {
            Provider = Name,
            ProviderPaymentId = chargeId,
            ProviderChargeId = chargeId,
            Amount = charge.Amount,
            Status = ProviderPaymentStatus.Succeeded,
            CreatedAt = clock.GetCurrentInstant(),
            PaymentId = charge.PaymentId,
            ProviderCustomerId = charge.ProviderCustomerId,
            ProviderPaymentMethodId = charge.ProviderPaymentMethodId,
        });
    }

    public Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var amount = refund.Amount ?? throw new ArgumentException("The simulated card provider needs the refund amount.", nameof(refund));
        int number;
        lock (_gate)
        {
            number = ++_refunds;
        }

        return Task.FromResult(new ProviderRefund
        {
            Provider = Name,
            ProviderRefundId = string.Create(CultureInfo.InvariantCulture, $"re_{number:0000}"),
            ProviderPaymentId = refund.ProviderPaymentId,
            Amount = amount,
            Status = ProviderRefundStatus.Succeeded,
            CreatedAt = clock.GetCurrentInstant(),
        });
    }

    public Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.RetrievePayment);

    public Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.RetrieveCustomer);

    public IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.FindCustomersByEmail);

    public Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.SubmitDisputeEvidence);

    public Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.AcceptDispute);

    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.CancelSubscription);

    public Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.ResolvePayment);

    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default) =>
        throw Unsupported(ProviderCapabilities.HostedCheckout);

    private static UnsupportedProviderOperationException Unsupported(ProviderCapabilities operation) =>
        new(Name, operation, "the sample's simulated card provider only charges and refunds.");
}
