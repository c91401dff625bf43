using System.Runtime.CompilerServices;
using BillingKit.Providers;

namespace BillingKit.Operations;

/// <summary>A payment provider whose every call is observed by a <see cref="ProviderHealthMonitor"/>.</summary>
internal sealed class HealthTrackingPaymentProvider(IPaymentProvider inner, ProviderHealthMonitor monitor) : IPaymentProvider
{
    public ProviderHealthMonitor Monitor => monitor;

    public ProviderName Provider => inner.Provider;

    public string Account => inner.Account;

    public ProviderCapabilities Capabilities => inner.Capabilities;

    public bool SupportsCurrency(Currency currency) => inner.SupportsCurrency(currency);

    public Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "get_payment", ct => inner.GetPaymentAsync(providerPaymentId, ct), cancellationToken);

    public Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "charge", ct => inner.ChargeSavedPaymentMethodAsync(charge, ct), cancellationToken);

    public Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "refund", ct => inner.RefundAsync(refund, ct), cancellationToken);

    public Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "get_customer", ct => inner.GetCustomerAsync(providerCustomerId, ct), cancellationToken);

    public async IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = inner.FindCustomersByEmailAsync(email, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (ProviderException exception)
                {
                    monitor.RecordFailure(exception);
                    throw;
                }

                if (!more)
                {
                    monitor.RecordSuccess(Provider);
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
    }

    public Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "submit_dispute_evidence", ct => inner.SubmitDisputeEvidenceAsync(evidence, ct), cancellationToken);

    public Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "accept_dispute", ct => inner.AcceptDisputeAsync(providerDisputeId, idempotencyKey, ct), cancellationToken);

    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "cancel_subscription", ct => inner.CancelSubscriptionAsync(cancellation, ct), cancellationToken);

    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "hosted_checkout", ct => inner.CreateHostedCheckoutAsync(request, ct), cancellationToken);

    public Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default) =>
        monitor.ObserveAsync(Provider, "resolve_payment", ct => inner.ResolvePaymentAsync(lookup, ct), cancellationToken);
}
