using BillingKit.Dunning;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// Record payment ("mark as paid"): money received offline (wire, check, cash) against an invoice. The ledger
/// payment, the invoice payment and the dunning payment-succeeded event (with the access level it restores pushed to
/// entitlements) commit in one unit with the audit record. And cancel a payment: an expected one that will not come,
/// or a paid one reversed.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PaymentDesk
{
    private static readonly DeskAction Record = new("payment.record", DeskPermission.RecordPayment);
    private static readonly DeskAction Cancel = new("payment.cancel", DeskPermission.CancelPayment);

    private readonly DeskActionRunner _runner;
    private readonly DeskContexts _contexts;
    private readonly InvoiceService _invoices;

    internal PaymentDesk(DeskActionRunner runner, DeskContexts contexts, InvoiceService invoices)
    {
        _runner = runner;
        _contexts = contexts;
        _invoices = invoices;
    }

    /// <summary>Records money received offline against an open invoice.</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="invoice">The invoice paid (finalized and open).</param>
    /// <param name="payment">The amount, date, method and reference.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ledger payment, the invoice after it, and the dunning decision.</returns>
    /// <remarks>
    /// An expected payment the ledger already holds for the invoice (pending, processing or failed, same amount) is
    /// marked paid; otherwise the money is received as a new offline payment whose id derives from the invoice and
    /// the reference, so a retry records it once.
    /// </remarks>
    /// <exception cref="PermissionDeniedException">The actor's role may not record payments; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such invoice.</exception>
    /// <exception cref="InvoiceValidationException">The amount is above what the invoice owes, or in another currency.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not open (a draft, void, or already paid).</exception>
    [DeskAction("payment.record", DeskPermission.RecordPayment)]
    public Task<RecordedPayment> RecordPaymentAsync(DeskRequest request, InvoiceId invoice, OfflinePayment payment, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Record, request, (scope, ct) => RecordCoreAsync(scope, invoice, payment, ct), cancellationToken);

    /// <summary>Records money received offline against an open invoice in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="request">The tenant, the actor and the required reason.</param>
    /// <param name="invoice">The invoice paid.</param>
    /// <param name="payment">The amount, date, method and reference.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ledger payment, the invoice after it, and the dunning decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not record payments; nothing is written.</exception>
    [DeskAction("payment.record", DeskPermission.RecordPayment)]
    public Task<RecordedPayment> RecordPaymentAsync(ITenantUnitOfWork unit, DeskRequest request, InvoiceId invoice, OfflinePayment payment, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Record, request, (scope, ct) => RecordCoreAsync(scope, invoice, payment, ct), cancellationToken);

    /// <summary>
    /// Cancels a payment: an expected one (pending, processing or failed, such as an unpaid hosted checkout page or
    /// a transfer that will not come) just becomes cancelled; a paid one (a bounced check, a voided corporate payment)
    /// is reversed in the ledger, so what it paid is owed again (its invoice is left as it is, as for a charge-back).
    /// </summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason, kept on the payment.</param>
    /// <param name="payment">Our payment id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cancelled payment, and the reversing transaction when money was reversed.</returns>
    /// <remarks>Cancelling with the same reason again returns the first cancellation (audit outcome
    /// <see cref="AuditOutcome.Duplicate"/>).</remarks>
    /// <exception cref="PermissionDeniedException">The actor's role may not cancel payments; nothing is written.</exception>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment was already cancelled (for another reason).</exception>
    [DeskAction("payment.cancel", DeskPermission.CancelPayment)]
    public Task<PaymentUpdate> CancelPaymentAsync(DeskRequest request, PaymentId payment, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Cancel, request, (scope, ct) => CancelCoreAsync(scope, payment, ct), cancellationToken);

    /// <summary>Cancels a payment in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="request">The tenant, the actor and the required reason.</param>
    /// <param name="payment">Our payment id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cancelled payment, and the reversing transaction when money was reversed.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not cancel payments; nothing is written.</exception>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment was already cancelled (for another reason).</exception>
    [DeskAction("payment.cancel", DeskPermission.CancelPayment)]
    public Task<PaymentUpdate> CancelPaymentAsync(ITenantUnitOfWork unit, DeskRequest request, PaymentId payment, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Cancel, request, (scope, ct) => CancelCoreAsync(scope, payment, ct), cancellationToken);

    private async ValueTask<PaymentUpdate> CancelCoreAsync(DeskActionScope scope, PaymentId payment, CancellationToken cancellationToken)
    {
        var before = await _contexts.Ledger.GetPaymentAsync(scope.Unit, payment, cancellationToken).ConfigureAwait(false);
        var update = await _contexts.Ledger.CancelPaymentAsync(
            scope.Unit,
            new CancelPaymentRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("desk-cancel-payment", payment.Value, scope.Request.Reason),
                Actor = scope.Request.Actor,
                Payment = payment,
                Reason = scope.Request.Reason,
            },
            cancellationToken).ConfigureAwait(false);
        scope.Target = payment.Value;
        scope.Amount = before.Amount;
        scope.Outcome = update.IsReplay ? AuditOutcome.Duplicate : AuditOutcome.Succeeded;
        scope.Details["status.before"] = before.Status.ToString();
        scope.Details["provider"] = before.Provider.ToString();
        if (update.Transaction is { } reversal)
        {
            scope.Details["reversal"] = reversal.Id.Value;
        }

        return update;
    }

    private async ValueTask<RecordedPayment> RecordCoreAsync(DeskActionScope scope, InvoiceId invoiceId, OfflinePayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (string.IsNullOrWhiteSpace(payment.Reference))
        {
            throw new ArgumentException("An offline payment needs the payer's reference (check number, transfer id).", nameof(payment));
        }
        var unit = scope.Unit;
        var tenant = scope.Request.Tenant;
        var invoice = await _contexts.RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        var expected = await FindExpectedAsync(unit, invoice, payment.Amount, cancellationToken).ConfigureAwait(false);
        var paymentId = expected?.Id ?? PaymentId.From(IdempotencyKey.Derive("offline", invoiceId.Value, payment.Reference).Value);
        var paid = await _invoices.RecordPaymentAsync(unit, invoiceId, paymentId, payment.Amount, cancellationToken).ConfigureAwait(false);
        var update = await PostLedgerAsync(scope, invoice, expected, paymentId, payment, cancellationToken).ConfigureAwait(false);

        DunningDecision? dunning = null;
        if (paid.Invoice.Status == InvoiceStatus.Paid && !paid.AlreadyRecorded)
        {
            dunning = await _contexts.ApplyDunningAsync(unit, new PaymentSucceeded(scope.Now), cancellationToken).ConfigureAwait(false);
        }

        scope.Target = invoiceId.Value;
        scope.Amount = payment.Amount;
        scope.Outcome = paid.AlreadyRecorded ? AuditOutcome.Duplicate : AuditOutcome.Succeeded;
        scope.Details["payment"] = paymentId.Value;
        scope.Details["method"] = payment.Method.ToString();
        scope.Details["invoice.status"] = paid.Invoice.Status.ToString();
        if (dunning is not null)
        {
            scope.Details["dunning.state"] = dunning.Snapshot.State.ToString();
        }

        return new RecordedPayment(update.Payment, paid.Invoice, paid.AlreadyRecorded, dunning);
    }

    private async ValueTask<PaymentUpdate> PostLedgerAsync(DeskActionScope scope, Invoice invoice, PaymentRecord? expected, PaymentId paymentId, OfflinePayment payment, CancellationToken cancellationToken)
    {
        var key = IdempotencyKey.Derive("record-payment", paymentId.Value, payment.Reference);
        return expected is not null
            ? await _contexts.Ledger.MarkAsPaidAsync(
                scope.Unit,
                new MarkAsPaidRequest
                {
                    IdempotencyKey = key,
                    Actor = scope.Request.Actor,
                    Payment = paymentId,
                    PaymentDate = payment.PaidOn,
                    Method = payment.Method,
                    Reference = payment.Reference,
                },
                cancellationToken).ConfigureAwait(false)
            : await _contexts.Ledger.ReceivePaymentAsync(
                scope.Unit,
                new ReceivePaymentRequest
                {
                    IdempotencyKey = key,
                    Actor = scope.Request.Actor,
                    Payment = paymentId,
                    Customer = invoice.CustomerId,
                    Amount = payment.Amount,
                    Method = payment.Method,
                    Provider = ProviderName.Offline,
                    PaymentDate = payment.PaidOn,
                    Invoice = invoice.Id,
                    InvoiceNumber = invoice.Number,
                    Reference = payment.Reference,
                },
                cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<PaymentRecord?> FindExpectedAsync(ITenantUnitOfWork unit, Invoice invoice, Money amount, CancellationToken cancellationToken)
    {
        if (invoice.Number is null)
        {
            return null;
        }

        var page = await _contexts.Ledger.QueryPaymentsAsync(
            unit.Tenant,
            new PaymentQuery { Search = invoice.Number, Statuses = [PaymentStatus.Pending, PaymentStatus.Processing, PaymentStatus.Failed], PageSize = 50 },
            cancellationToken).ConfigureAwait(false);
        var match = page.Items.FirstOrDefault(p => p.Invoice == invoice.Id && p.Amount == amount);
        return match is null ? null : await _contexts.FindPaymentAsync(unit, match.Id, cancellationToken).ConfigureAwait(false);
    }
}
