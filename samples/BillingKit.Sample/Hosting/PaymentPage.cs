using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Providers;

namespace BillingKit.Sample.Hosting;

/// <summary>What the customer's visit to the payment page found: the pay link's verification and, for a valid link,
/// the hosted checkout the desk opened (or why it opened none).</summary>
internal sealed record PaymentPageVisit(PayLinkVerification Verification, HostedCheckoutResult? Checkout);

/// <summary>What the customer's payment on the provider's page did: the webhook's event, what the desk made of it, the
/// checkout's payment and its invoice as they are now, and the other expected payments of the invoice the host
/// cancelled because the invoice is paid.</summary>
internal sealed record CheckoutPaid(
    PaymentSucceededEvent Event, ProviderEventResult Result, PaymentRecord Payment, Invoice? Invoice, IReadOnlyList<PaymentRecord> Superseded);

/// <summary>
/// The host's payment page, as <c>docs/operations.md</c> ("Hosted checkout") describes it: the customer arrives with a
/// pay link; the page verifies it with <see cref="PayLinkDesk.VerifyAsync"/> (anonymous: the token is the credential),
/// then opens the card provider's hosted checkout as <see cref="Actor.System"/> for the link's tenant and invoice, and
/// redirects the customer there. When the customer pays, the provider's webhook reaches the host, which hands the
/// parsed event to the desk's <see cref="ProviderEventProcessor"/>: the pending payment and the invoice are marked paid.
/// </summary>
internal sealed class PaymentPage(SampleHost host)
{
    /// <summary>Where the host's payment page lives (a reserved domain: nothing is served there).</summary>
    public const string Address = "https://pay.billingkit-sample.invalid";

    /// <summary>Where the provider sends the customer after paying.</summary>
    public static readonly Uri ReturnUrl = new(Address + "/thanks");

    /// <summary>Where the customer goes on leaving the provider's page unpaid: the payment page's "not paid" address.</summary>
    public static readonly Uri CancelUrl = new(Address + "/cancelled");

    /// <summary>The address the customer is sent (by email, on the invoice): the payment page with the link's token.</summary>
    public static Uri LinkFor(PayLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new Uri(Address + "/pay/" + link.Token);
    }

    /// <summary>The customer opens the pay link: the page verifies it and opens the provider's hosted checkout.</summary>
    /// <param name="token">The token from the page's address.</param>
    /// <param name="provider">The provider whose checkout to use (the sample's <c>simcard</c>, or <c>offline</c>, which hosts none).</param>
    /// <param name="cancellationToken">Cancels the visit.</param>
    public async Task<PaymentPageVisit> OpenAsync(string token, ProviderName provider, CancellationToken cancellationToken = default)
    {
        var verification = await host.Get<PayLinkDesk>().VerifyAsync(token, cancellationToken);
        if (!verification.IsValid || verification.Claims is not { } claims)
        {
            return new PaymentPageVisit(verification, null);
        }

        var result = await host.Get<CheckoutDesk>().OpenAsync(
            new DeskRequest(Actor.System, claims.Tenant, "Customer chose to pay by card on the payment page"),
            claims.Invoice,
            provider,
            ReturnUrl,
            CancelUrl,
            cancellationToken);
        return new PaymentPageVisit(verification, result);
    }

    /// <summary>
    /// The customer pays on the simulated provider's page; the provider's webhook arrives and the host hands the event
    /// (as the adapter's webhook parser would produce it) to the desk for the link's tenant. Once the invoice is paid,
    /// the host cancels any other payment still expected for it (for example the bank transfer the billing run
    /// expected), so no pending payment is left for money that will not come.
    /// </summary>
    public async Task<CheckoutPaid> CustomerPaysAsync(TenantId tenant, HostedCheckout checkout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        var paid = host.Cards.PayCheckout(checkout.ProviderCheckoutId);
        var result = await host.Get<ProviderEventProcessor>().HandleAsync(tenant, paid, cancellationToken);

        var ledger = host.Get<LedgerService>();
        var payment = await ledger.GetPaymentAsync(tenant, checkout.PaymentId, cancellationToken);
        var invoice = payment.Invoice is { } invoiceId ? await host.Get<InvoiceService>().GetAsync(tenant, invoiceId, cancellationToken) : null;
        var superseded = new List<PaymentRecord>();
        if (invoice is { Status: InvoiceStatus.Paid })
        {
            var pending = await ledger.QueryPaymentsAsync(tenant, new PaymentQuery { Statuses = [PaymentStatus.Pending], PageSize = 100 }, cancellationToken);
            foreach (var other in pending.Items.Where(p => p.Invoice == invoice.Id && p.Id != payment.Id))
            {
                var cancelled = await host.Get<PaymentDesk>().CancelPaymentAsync(
                    new DeskRequest(
                        Actor.System,
                        tenant,
                        $"Invoice {invoice.Number ?? invoice.Id.Value} was paid by card through checkout {checkout.ProviderCheckoutId}; this payment is no longer expected."),
                    other.Id,
                    cancellationToken);
                superseded.Add(cancelled.Payment);
            }
        }

        return new CheckoutPaid(paid, result, payment, invoice, superseded);
    }
}
