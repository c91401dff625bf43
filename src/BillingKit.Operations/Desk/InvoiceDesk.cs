using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// Manual (offline) invoices through Invoicing: created, finalized (numbered) and charged to the tenant's ledger in
/// one unit with the audit record, so the payment recorded later with <see cref="PaymentDesk"/> settles it.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InvoiceDesk
{
    private static readonly DeskAction CreateManual = new("invoice.create-manual", DeskPermission.CreateInvoice);

    private readonly DeskActionRunner _runner;
    private readonly InvoiceService _invoices;
    private readonly LedgerService _ledger;

    internal InvoiceDesk(DeskActionRunner runner, InvoiceService invoices, LedgerService ledger)
    {
        _runner = runner;
        _invoices = invoices;
        _ledger = ledger;
    }

    /// <summary>Creates, finalizes and charges a manual invoice (paid by wire, check or cash).</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="invoice">The invoice; its collection method is set to manual.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The finalized invoice.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not create invoices; nothing is written.</exception>
    /// <exception cref="InvoiceValidationException">The invoice is empty or negative, or has no payment instructions and no default.</exception>
    [DeskAction("invoice.create-manual", DeskPermission.CreateInvoice)]
    public Task<Invoice> CreateManualInvoiceAsync(DeskRequest request, NewInvoice invoice, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(CreateManual, request, (scope, ct) => CreateCoreAsync(scope, invoice, ct), cancellationToken);

    /// <summary>Creates, finalizes and charges a manual invoice in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="request">The tenant, the actor and the required reason.</param>
    /// <param name="invoice">The invoice; its collection method is set to manual.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The finalized invoice.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not create invoices; nothing is written.</exception>
    [DeskAction("invoice.create-manual", DeskPermission.CreateInvoice)]
    public Task<Invoice> CreateManualInvoiceAsync(ITenantUnitOfWork unit, DeskRequest request, NewInvoice invoice, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, CreateManual, request, (scope, ct) => CreateCoreAsync(scope, invoice, ct), cancellationToken);

    private async ValueTask<Invoice> CreateCoreAsync(DeskActionScope scope, NewInvoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var draft = await _invoices.CreateDraftAsync(scope.Unit, invoice with { CollectionMethod = CollectionMethod.Manual }, cancellationToken).ConfigureAwait(false);
        var final = await _invoices.FinalizeAsync(scope.Unit, draft.Id, cancellationToken).ConfigureAwait(false);
        await _ledger.PostChargeAsync(
            scope.Unit,
            new ChargeRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("invoice-charge", final.Id.Value),
                Actor = scope.Request.Actor,
                Amount = final.Total,
                DueDate = final.DueDate,
                Invoice = final.Id,
                InvoiceNumber = final.Number,
                Customer = final.CustomerId,
                Kind = ChargeKind.Invoice,
                Description = "Manual invoice " + final.Number,
            },
            cancellationToken).ConfigureAwait(false);
        scope.Target = final.Id.Value;
        scope.Amount = final.Total;
        scope.Details["invoice.number"] = final.Number ?? string.Empty;
        return final;
    }
}
