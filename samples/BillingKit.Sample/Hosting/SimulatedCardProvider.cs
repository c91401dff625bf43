using System.Globalization;
using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// The sample's stand-in for a card processor, behind BillingKit's provider port: every charge succeeds unless the
/// demo scripted a decline for the tenant (raised as a <see cref="ProviderException"/> with the decline code, as the
/// real adapters do), and refunds succeed at once. It also hosts checkout pages: <see cref="CreateHostedCheckoutAsync"/>
/// makes a page at an address that is obviously simulated (<c>https://checkout.simcard.invalid/pay/cs_0001</c>, a
/// reserved domain that never resolves), and <see cref="PayCheckout"/> plays the customer paying on it, returning the
/// <see cref="PaymentSucceededEvent"/> that a real adapter would parse from the provider's webhook. Ids are numbered,
/// so runs are repeatable.
/// </summary>
internal sealed class SimulatedCardProvider(IClock clock) : IPaymentProvider
{
    public static readonly ProviderName Name = ProviderName.From("simcard");

    /// <summary>How long a checkout page accepts payment when the request does not say (Stripe's default, 24 hours).</summary>
    public static readonly Duration CheckoutLifetime = Duration.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<string>> _declines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CheckoutPage> _checkouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _checkoutsByKey = new(StringComparer.Ordinal);
    private int _charges;
    private int _refunds;

    public ProviderName Provider => Name;

    public string Account => PaymentProviderRegistration.DefaultAccount;

    public ProviderCapabilities Capabilities =>
        ProviderCapabilities.ChargeSavedPaymentMethod | ProviderCapabilities.Refund | ProviderCapabilities.PartialRefund
        | ProviderCapabilities.HostedCheckout;

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

    /// <summary>
    /// Makes a checkout page for the expected payment, as Stripe does: the page carries our payment id (Stripe keeps
    /// it in the session's metadata), and asking again with the same idempotency key returns the same page.
    /// </summary>
    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetCurrentInstant();
        lock (_gate)
        {
            if (_checkoutsByKey.TryGetValue(request.IdempotencyKey.Value, out var existing))
            {
                return Task.FromResult(_checkouts[existing].Checkout);
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"cs_{_checkouts.Count + 1:0000}");
            var checkout = new HostedCheckout
            {
                Provider = Name,
                ProviderCheckoutId = id,
                Url = new Uri("https://checkout.simcard.invalid/pay/" + id),
                PaymentId = request.PaymentId,
                Amount = request.Amount,
                ExpiresAt = request.ExpiresAt ?? now + CheckoutLifetime,
            };
            _checkouts[id] = new CheckoutPage(checkout, request.ProviderCustomerId);
            _checkoutsByKey[request.IdempotencyKey.Value] = id;
            return Task.FromResult(checkout);
        }
    }

    /// <summary>
    /// The customer pays on the checkout page: the card is charged, and the provider's webhook reports it. Returns
    /// the event a real adapter's webhook parser would produce (our payment id comes from the page's metadata), for
    /// the host to hand to the desk's <c>ProviderEventProcessor</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No such checkout page.</exception>
    /// <exception cref="InvalidOperationException">The page was already paid, or has expired.</exception>
    public PaymentSucceededEvent PayCheckout(string providerCheckoutId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCheckoutId);
        var now = clock.GetCurrentInstant();
        string chargeId;
        CheckoutPage page;
        lock (_gate)
        {
            if (!_checkouts.TryGetValue(providerCheckoutId, out var found))
            {
                throw new ArgumentException($"The simulated card provider has no checkout page '{providerCheckoutId}'.", nameof(providerCheckoutId));
            }

            if (found.ChargeId is not null)
            {
                throw new InvalidOperationException($"Checkout page {providerCheckoutId} was already paid ({found.ChargeId}).");
            }

            if (found.Checkout.ExpiresAt is { } expires && now >= expires)
            {
                throw new InvalidOperationException($"Checkout page {providerCheckoutId} expired at {expires}; it no longer takes payment.");
            }

            _charges++;
            chargeId = string.Create(CultureInfo.InvariantCulture, $"ch_{_charges:0000}");
            page = found with { ChargeId = chargeId };
            _checkouts[providerCheckoutId] = page;
        }

        return new PaymentSucceededEvent
        {
            Provider = Name,
            Account = PaymentProviderRegistration.DefaultAccount,
            EventId = "evt_" + chargeId,
            EventType = "charge.succeeded",
            OccurredAt = now,
            Amount = page.Checkout.Amount,
            PaymentId = page.Checkout.PaymentId,
            ProviderPaymentId = chargeId,
            ProviderChargeId = chargeId,
            ProviderCustomerId = page.ProviderCustomerId,
        };
    }

    private static UnsupportedProviderOperationException Unsupported(ProviderCapabilities operation) =>
        new(Name, operation, "the sample's simulated card provider only charges, refunds and hosts checkout pages.");

    /// <summary>A checkout page the provider made, and the charge that paid it once the customer did.</summary>
    private sealed record CheckoutPage(HostedCheckout Checkout, string? ProviderCustomerId, string? ChargeId = null);
}
