using System.Runtime.CompilerServices;
using System.Text.Json;
using BillingKit.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace BillingKit.Stripe;

/// <summary>The <see cref="IPaymentProvider"/> of one Stripe account, over Stripe's REST API (version
/// <see cref="StripeOptions.ApiVersion"/>).</summary>
internal sealed class StripePaymentProvider : IPaymentProvider
{
    internal const int PageSize = 100;
    private readonly StripeApiClient _client;
    private readonly StripeOptions _options;
    private readonly IClock _clock;

    public StripePaymentProvider(string account, StripeOptions options, Func<HttpClient> http, IClock clock, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        PaymentProviderRegistration.RequireAccountName(account);
        Account = account;
        _options = options;
        _clock = clock;
        _client = new StripeApiClient(http, options, account, logger ?? NullLogger.Instance);
    }

    public ProviderName Provider => ProviderName.Stripe;

    public string Account { get; }

    public ProviderCapabilities Capabilities =>
        ProviderCapabilities.RetrievePayment | ProviderCapabilities.ChargeSavedPaymentMethod | ProviderCapabilities.Refund
        | ProviderCapabilities.PartialRefund | ProviderCapabilities.RetrieveCustomer | ProviderCapabilities.FindCustomersByEmail
        | ProviderCapabilities.SubmitDisputeEvidence | ProviderCapabilities.AcceptDispute | ProviderCapabilities.CancelSubscription
        | ProviderCapabilities.CancelSubscriptionAtPeriodEnd | ProviderCapabilities.ResolvePayment
        | ProviderCapabilities.HostedCheckout;

    public bool SupportsCurrency(Currency currency) =>
        StripeCurrencies.IsSupportedByStripe(currency) && (_options.Currencies.Count == 0 || _options.Currencies.Contains(currency.Code));

    public async Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        var request = StripeRequests.RetrievePayment(providerPaymentId);
        using var document = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return providerPaymentId.StartsWith("pi_", StringComparison.Ordinal)
            ? StripeJson.PaymentIntent(document.RootElement)
            : StripeJson.Charge(document.RootElement);
    }

    public async Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        RequireCurrency(charge.Amount.Currency);
        var request = StripeRequests.ChargeSavedPaymentMethod(charge);
        using var document = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return StripeJson.PaymentIntent(document.RootElement);
    }

    public async Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.Amount is { } amount)
        {
            RequireCurrency(amount.Currency);
        }

        var request = StripeRequests.Refund(refund);
        using var document = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return StripeJson.Refund(document.RootElement);
    }

    public async Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCustomerId);
        using var document = await _client.SendAsync(StripeRequests.RetrieveCustomer(providerCustomerId), cancellationToken).ConfigureAwait(false);
        return StripeJson.Customer(document.RootElement);
    }

    public IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return ListAsync(after => StripeRequests.ListCustomersByEmail(email, after), StripeJson.Customer, cancellationToken);
    }

    public async Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        using var document = await _client.SendAsync(StripeRequests.UpdateDispute(evidence), cancellationToken).ConfigureAwait(false);
        return StripeJson.Dispute(document.RootElement);
    }

    public async Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDisputeId);
        if (idempotencyKey.Value.Length == 0)
        {
            throw new ArgumentException("Expected an idempotency key derived from the dispute id; got the default (empty) value.", nameof(idempotencyKey));
        }

        using var document = await _client.SendAsync(StripeRequests.CloseDispute(providerDisputeId, idempotencyKey), cancellationToken).ConfigureAwait(false);
        return StripeJson.Dispute(document.RootElement);
    }

    public async Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        using var document = await _client.SendAsync(StripeRequests.CancelSubscription(cancellation), cancellationToken).ConfigureAwait(false);
        return StripeJson.Subscription(document.RootElement);
    }

    public async Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCurrency(request.Amount.Currency);
        var call = StripeRequests.CreateCheckoutSession(request, _clock.GetCurrentInstant());
        using var document = await _client.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return StripeJson.CheckoutSession(document.RootElement, request);
    }

    public async Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.ProviderPaymentId is { } id)
        {
            try
            {
                return PaymentResolution.FromPayment(await GetPaymentAsync(id, cancellationToken).ConfigureAwait(false), lookup.ExpectedAmount);
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
            {
                return PaymentResolution.NotFound();
            }
        }

        using var document = await _client.SendAsync(StripeRequests.SearchPaymentIntentsByPaymentId(lookup.PaymentId), cancellationToken).ConfigureAwait(false);
        var found = new List<ProviderPayment>();
        if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                found.Add(StripeJson.PaymentIntent(item));
            }
        }

        if (found.Count == 0)
        {
            return PaymentResolution.NotFound();
        }

        // Several attempts may carry our payment id (a confirm retried after a decline): a success wins, then
        // anything still in flight, then the newest.
        var best = found.OrderByDescending(p => p.Status == ProviderPaymentStatus.Succeeded)
            .ThenByDescending(p => p.Status is ProviderPaymentStatus.Processing or ProviderPaymentStatus.RequiresAction)
            .ThenByDescending(p => p.CreatedAt)
            .First();
        return PaymentResolution.FromPayment(best, lookup.ExpectedAmount);
    }

    private async IAsyncEnumerable<T> ListAsync<T>(Func<string?, StripeRequest> page, Func<JsonElement, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            using var document = await _client.SendAsync(page(after), cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw StripeJson.Invalid("a list has no 'data' array");
            }

            string? last = null;
            foreach (var item in data.EnumerateArray())
            {
                last = StripeJson.RequiredString(item, "id");
                yield return map(item);
            }

            if (!StripeJson.Bool(root, "has_more") || last is null)
            {
                yield break;
            }

            after = last;
        }
    }

    private void RequireCurrency(Currency currency)
    {
        if (!SupportsCurrency(currency))
        {
            throw new UnsupportedCurrencyException(Provider, Account, currency);
        }
    }
}
