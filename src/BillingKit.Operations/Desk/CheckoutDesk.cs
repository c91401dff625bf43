using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The provider's hosted checkout for an open invoice: a payment page that Stripe, Paystack or Flutterwave host, for
/// a customer who pays by hand. Each checkout is one expected payment: the desk records a pending ledger payment for
/// what the invoice still owes and asks the provider for a page that collects it under that payment's id; the
/// provider's payment event (through <see cref="ProviderEventProcessor"/>) then marks the payment and the invoice
/// paid. The pending payment and the audit record commit in one unit only after the provider made the page.
/// </summary>
/// <remarks>
/// <para>For the host's payment page: verify the customer's pay link with <see cref="PayLinkDesk.VerifyAsync"/>, then
/// call <see cref="OpenAsync(DeskRequest, InvoiceId, ProviderName, Uri, Uri?, CancellationToken)"/> with
/// <see cref="Actor.System"/>, the link's tenant and invoice, and redirect to <see cref="HostedCheckout.Url"/>. The
/// page's address is not written to the audit log (the checkout id is).</para>
/// <para>Each call opens a new page with a new payment id, unless it repeats the correlation id of an earlier request
/// (a retry), which Stripe answers with the same page. A page the customer never pays leaves its payment pending,
/// with no effect on balances; cancel it with <see cref="PaymentDesk.CancelPaymentAsync(DeskRequest, PaymentId, CancellationToken)"/>
/// when the invoice is settled another way.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class CheckoutDesk
{
    private static readonly DeskAction Open = new("payment.hosted-checkout", DeskPermission.ManagePayLinks);

    private readonly DeskActionRunner _runner;
    private readonly DeskContexts _contexts;
    private readonly DeskPaymentProviders _providers;
    private readonly ITenantAccountStore _accounts;

    internal CheckoutDesk(DeskActionRunner runner, DeskContexts contexts, DeskPaymentProviders providers, ITenantAccountStore accounts)
    {
        _runner = runner;
        _contexts = contexts;
        _providers = providers;
        _accounts = accounts;
    }

    /// <summary>Opens the provider's hosted checkout for what an open invoice still owes. Writes one audit record
    /// <c>payment.hosted-checkout</c> whose target is the invoice.</summary>
    /// <param name="request">Who asks (staff with <see cref="DeskPermission.ManagePayLinks"/>, or
    /// <see cref="Actor.System"/> for the host's payment page), for which tenant, and why.</param>
    /// <param name="invoice">The invoice to pay (open or uncollectible, with something remaining).</param>
    /// <param name="provider">The provider whose page to use (Stripe, Paystack or Flutterwave).</param>
    /// <param name="returnUrl">Where the provider sends the customer after paying: an absolute http or https address.</param>
    /// <param name="cancelUrl">Where the customer goes on leaving the page unpaid; <see langword="null"/> uses
    /// <paramref name="returnUrl"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or why there is none (a refusal leaves only the audit record).</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such invoice.</exception>
    /// <exception cref="ArgumentException">An address is not an absolute http or https address.</exception>
    /// <exception cref="ProviderNotRegisteredException">The host registered no such provider.</exception>
    /// <exception cref="ProviderException">The provider refused or failed; nothing is written.</exception>
    [DeskAction("payment.hosted-checkout", DeskPermission.ManagePayLinks)]
    public Task<HostedCheckoutResult> OpenAsync(DeskRequest request, InvoiceId invoice, ProviderName provider, Uri returnUrl, Uri? cancelUrl = null, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Open, request, (scope, ct) => OpenCoreAsync(scope, invoice, provider, returnUrl, cancelUrl, ct), cancellationToken);

    /// <summary>Opens the provider's hosted checkout in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="request">Who asks, for which tenant, and why.</param>
    /// <param name="invoice">The invoice to pay.</param>
    /// <param name="provider">The provider whose page to use.</param>
    /// <param name="returnUrl">Where the provider sends the customer after paying.</param>
    /// <param name="cancelUrl">Where the customer goes on leaving the page unpaid, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or why there is none.</returns>
    /// <exception cref="ArgumentException">The unit is for another tenant, or an address is not an absolute http or https address.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such invoice.</exception>
    /// <exception cref="ProviderException">The provider refused or failed.</exception>
    [DeskAction("payment.hosted-checkout", DeskPermission.ManagePayLinks)]
    public Task<HostedCheckoutResult> OpenAsync(ITenantUnitOfWork unit, DeskRequest request, InvoiceId invoice, ProviderName provider, Uri returnUrl, Uri? cancelUrl = null, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Open, request, (scope, ct) => OpenCoreAsync(scope, invoice, provider, returnUrl, cancelUrl, ct), cancellationToken);

    private async ValueTask<HostedCheckoutResult> OpenCoreAsync(DeskActionScope scope, InvoiceId invoiceId, ProviderName provider, Uri returnUrl, Uri? cancelUrl, CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        var invoice = await _contexts.RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        scope.Target = invoiceId.Value;
        scope.Details["provider"] = provider.ToString();
        if (invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.Uncollectible) || !invoice.AmountRemaining.IsPositive)
        {
            return Refuse(scope, invoiceId, HostedCheckoutOutcome.InvoiceNotPayable, $"Invoice {invoice.Number ?? invoiceId.Value} is {invoice.Status} with {invoice.AmountRemaining} remaining; there is nothing to collect.");
        }

        var amount = invoice.AmountRemaining;
        scope.Amount = amount;
        var gateway = _providers.Get(provider);
        if (!gateway.Capabilities.HasFlag(ProviderCapabilities.HostedCheckout) || !gateway.SupportsCurrency(amount.Currency))
        {
            return Refuse(scope, invoiceId, HostedCheckoutOutcome.NotOffered, $"{provider} hosts no checkout for {amount.Currency.Code}; send the invoice with payment instructions instead.");
        }

        var account = await _accounts.GetAsync(unit, cancellationToken).ConfigureAwait(false);
        var email = invoice.Customer.Email ?? account?.BillingEmail;
        if (string.IsNullOrWhiteSpace(email))
        {
            return Refuse(scope, invoiceId, HostedCheckoutOutcome.NoPayerEmail, "Neither the invoice's customer nor the tenant's billing account has an email address, which the provider's page needs.");
        }

        // One page, one expected payment: a retry with the same correlation id derives the same payment and key.
        var paymentId = PaymentId.From("chk_" + IdempotencyKey.Derive("hosted-checkout", invoiceId.Value, scope.CorrelationId).Value);
        var expected = await RecordExpectedPaymentAsync(scope, invoice, paymentId, provider, cancellationToken).ConfigureAwait(false);

        var checkout = await gateway.CreateHostedCheckoutAsync(
            new HostedCheckoutRequest(paymentId, amount, email, returnUrl, IdempotencyKey.Derive("hosted-checkout-page", paymentId.Value))
            {
                CancelUrl = cancelUrl,
                ProviderCustomerId = account is not null && account.Provider == provider ? account.ProviderCustomerId : null,
                CustomerName = invoice.Customer.Name,
                InvoiceId = invoice.Id,
                Description = invoice.Number is { } number ? $"Invoice {number}" : null,
            },
            cancellationToken).ConfigureAwait(false);

        scope.Details["payment"] = paymentId.Value;
        scope.Details["checkout"] = checkout.ProviderCheckoutId;
        if (checkout.ExpiresAt is { } expires)
        {
            scope.Details["expires_at"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(expires);
        }

        return new HostedCheckoutResult(HostedCheckoutOutcome.Opened, invoiceId, checkout, expected.Payment, $"{provider} checkout {checkout.ProviderCheckoutId} collects {amount} for invoice {invoice.Number ?? invoiceId.Value}.");
    }

    /// <summary>The pending ledger payment the page collects: what the invoice still owes, due when the invoice is.</summary>
    private async ValueTask<PaymentUpdate> RecordExpectedPaymentAsync(DeskActionScope scope, Invoice invoice, PaymentId paymentId, ProviderName provider, CancellationToken cancellationToken) =>
        await _contexts.Ledger.RecordPaymentAsync(
            scope.Unit,
            new RecordPaymentRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("hosted-checkout-payment", paymentId.Value),
                Actor = scope.Request.Actor,
                Payment = paymentId,
                Customer = invoice.CustomerId,
                Amount = invoice.AmountRemaining,
                DueDate = invoice.DueDate,
                Provider = provider,
                Invoice = invoice.Id,
                InvoiceNumber = invoice.Number,
                BillingGroup = invoice.BillingGroupId,
            },
            cancellationToken).ConfigureAwait(false);

    private static HostedCheckoutResult Refuse(DeskActionScope scope, InvoiceId invoice, HostedCheckoutOutcome outcome, string explanation)
    {
        scope.Outcome = AuditOutcome.Refused;
        scope.Details["refused"] = outcome.ToString();
        return new HostedCheckoutResult(outcome, invoice, null, null, explanation);
    }
}
