using BillingKit.Providers;

namespace BillingKit.Operations.Tests.ProviderHealth;

/// <summary>A provider whose next calls fail with the queued errors, then succeed.</summary>
public sealed class StubPaymentProvider(ProviderName provider) : IPaymentProvider
{
    private readonly Queue<ProviderException> _failures = new();

    public ProviderName Provider { get; } = provider;

    public string Account => PaymentProviderRegistration.DefaultAccount;

    public ProviderCapabilities Capabilities => default;

    public int Calls { get; private set; }

    public StubPaymentProvider FailWith(ProviderErrorKind kind, string code = "error", int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(new ProviderException(Provider, kind, code, $"{kind} from the stub"));
        }

        return this;
    }

    public bool SupportsCurrency(Currency currency) => true;

    public Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default) => Next<ProviderPayment>();

    public Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default) => Next<ProviderPayment>();

    public Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default) => Next<ProviderRefund>();

    public Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default) => Next<ProviderCustomer>();

    public async IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Next<ProviderCustomer>();
        yield break;
    }

    public Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default) => Next<ProviderDispute>();

    public Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default) => Next<ProviderDispute>();

    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default) => Next<ProviderSubscription>();

    public Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default) => Next<PaymentResolution>();

    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default) => Next<HostedCheckout>();

    private Task<T> Next<T>()
        where T : class
    {
        Calls++;
        return _failures.TryDequeue(out var failure) ? Task.FromException<T>(failure) : Task.FromResult<T>(null!);
    }
}
