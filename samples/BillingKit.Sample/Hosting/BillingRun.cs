using System.Globalization;
using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Providers;
using BillingKit.Sample.Seeding;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>What one step of the billing run did, for the demo's log.</summary>
internal sealed record BillingNote(TenantId Tenant, string Text, bool IsProblem = false);

/// <summary>
/// The host's scheduler: what a host application runs every day next to BillingKit. It bills the subscriptions due
/// that day, charges saved cards through the card provider and hands each outcome to the desk's
/// <see cref="ProviderEventProcessor"/> (as a webhook would), raises manual invoices through the desk's
/// <see cref="InvoiceDesk"/>, bills the billing group on one consolidated invoice, and runs the dunning processor
/// (retries and stages), pushing the access levels it decides to entitlements.
/// </summary>
internal sealed class BillingRun(SampleHost host)
{
    private readonly IUnitOfWorkFactory _units = host.Get<IUnitOfWorkFactory>();
    private readonly LedgerService _ledger = host.Get<LedgerService>();
    private readonly InvoiceService _invoices = host.Get<InvoiceService>();
    private readonly SubscriptionService _subscriptions = host.Get<SubscriptionService>();
    private readonly BillingGroupService _groups = host.Get<BillingGroupService>();
    private readonly DunningProcessor _processor = host.Get<DunningProcessor>();
    private readonly EntitlementService _entitlements = host.Get<EntitlementService>();
    private readonly ProviderEventProcessor _events = host.Get<ProviderEventProcessor>();
    private readonly InvoiceDesk _invoiceDesk = host.Get<InvoiceDesk>();

    public static PaymentId PaymentIdFor(TenantId tenant, LocalDate due) =>
        PaymentId.From(string.Create(CultureInfo.InvariantCulture, $"pay_{tenant.Value}_{due:yyyy_MM}"));

    /// <summary>Bills everything due on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<BillingNote>> BillDayAsync(LocalDate day, CancellationToken cancellationToken = default)
    {
        var notes = new List<BillingNote>();
        foreach (var tenant in SampleCatalog.Tenants)
        {
            if (tenant.Collection == Collection.Group)
            {
                await BillGroupAsync(tenant, day, notes, cancellationToken);
                continue;
            }

            foreach (var subscriptionId in host.Book.SubscriptionsOf(tenant.Id))
            {
                var schedule = await _subscriptions.GetScheduleAsync(tenant.Id, subscriptionId, cancellationToken);
                var due = schedule.FirstOrDefault(p => p.DueDate == day && p.Status == ScheduledPaymentStatus.Pending);
                if (due is null)
                {
                    continue;
                }

                if (tenant.Collection == Collection.Manual)
                {
                    await BillManualAsync(tenant, due, notes, cancellationToken);
                }
                else
                {
                    await BillCardAsync(tenant, due, notes, cancellationToken);
                }
            }
        }

        return notes;
    }

    /// <summary>
    /// The scheduler's tick at the clock's instant: plan changes due at period end are applied, the dunning processor
    /// runs (due retries are charged) and the access levels it decides reach entitlements.
    /// </summary>
    public async Task<IReadOnlyList<BillingNote>> RunDunningAsync(CancellationToken cancellationToken = default)
    {
        var notes = new List<BillingNote>();
        var now = host.Clock.GetCurrentInstant();
        foreach (var change in await host.Get<PlanChangeProcessor>().ApplyDuePlanChangesAsync(now, cancellationToken))
        {
            notes.Add(new BillingNote(change.Tenant, "scheduled plan change applied"));
        }

        var decisions = await _processor.RunDueAsync(now, cancellationToken);
        foreach (var decision in decisions)
        {
            var tenant = decision.Snapshot.Tenant;
            foreach (var transition in decision.Transitions)
            {
                notes.Add(new BillingNote(tenant, $"dunning {transition.From} -> {transition.To} ({transition.Cause})", IsProblem: true));
            }

            if (decision.Effects.OfType<ChangeAccessLevel>().LastOrDefault() is { } change)
            {
                await _entitlements.SetAccessLevelAsync(tenant, change.To, cancellationToken);
                notes.Add(new BillingNote(tenant, $"access {change.From} -> {change.To}", change.To != AccessLevel.Full));
            }

            if (decision.Effects.OfType<AttemptCharge>().Any())
            {
                notes.AddRange(await RetryFailedPaymentAsync(tenant, cancellationToken));
            }
        }

        return notes;
    }

    /// <summary>Charges the tenant's failed card payment again (a dunning retry, or after the card was updated).</summary>
    public async Task<IReadOnlyList<BillingNote>> RetryFailedPaymentAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var notes = new List<BillingNote>();
        var failed = await _ledger.QueryPaymentsAsync(tenant, new PaymentQuery { Statuses = [PaymentStatus.Failed], PageSize = 10 }, cancellationToken);
        if (failed.Items.OrderBy(p => p.DueDate).FirstOrDefault() is { } payment)
        {
            await ChargeCardAsync(tenant, payment, notes, cancellationToken);
        }

        return notes;
    }

    private async Task BillCardAsync(SampleTenant tenant, ScheduledPayment due, List<BillingNote> notes, CancellationToken cancellationToken)
    {
        var newInvoice = new NewInvoice(tenant.Customer, Party(tenant), due.Amount.Currency, due.DueDate, PaymentTerms.DueOnReceipt)
        {
            Lines = [Line(tenant, due)],
        };

        PaymentRecord payment;
        Invoice invoice;
        await using (var unit = await _units.BeginAsync(tenant.Id, cancellationToken))
        {
            var draft = await _invoices.CreateDraftAsync(unit, newInvoice, cancellationToken);
            invoice = await _invoices.FinalizeAsync(unit, draft.Id, cancellationToken);
            payment = await ExpectPaymentAsync(unit, tenant, invoice, due.SubscriptionId, null, SimulatedCardProvider.Name, PaymentMethod.Card, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        notes.Add(new BillingNote(tenant.Id, $"invoice {invoice.Number} {Amount(invoice.Total)}"));
        await ChargeCardAsync(tenant.Id, payment, notes, cancellationToken);
    }

    private async Task BillManualAsync(SampleTenant tenant, ScheduledPayment due, List<BillingNote> notes, CancellationToken cancellationToken)
    {
        var purchaseOrder = host.Book.PurchaseOrders.TryGetValue(tenant.Id, out var po) ? po : (PurchaseOrderId?)null;
        var request = new DeskRequest(Actor.System, tenant.Id, $"Monthly billing run for {due.Period.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}");
        var invoice = await _invoiceDesk.CreateManualInvoiceAsync(request,
            new NewInvoice(tenant.Customer, Party(tenant), due.Amount.Currency, due.DueDate, PaymentTerms.Net30)
            {
                Lines = [Line(tenant, due)],
                PurchaseOrderId = purchaseOrder,
            }, cancellationToken);
        notes.Add(new BillingNote(tenant.Id, $"manual invoice {invoice.Number} {Amount(invoice.Total)}, due {invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            + (purchaseOrder is null ? string.Empty : $", drawn on {invoice.PurchaseOrderNumber}")));
    }

    private async Task BillGroupAsync(SampleTenant tenant, LocalDate day, List<BillingNote> notes, CancellationToken cancellationToken)
    {
        if (!host.Book.Groups.TryGetValue(tenant.Id, out var groupId))
        {
            return;
        }

        var period = BillingCalendar.PeriodContaining(SampleCatalog.FirstBillingDay, BillingFrequency.Monthly, day);
        if (period.Start != day)
        {
            return;
        }

        Invoice invoice;
        await using (var unit = await _units.BeginAsync(tenant.Id, cancellationToken))
        {
            var draft = await _groups.CreateInvoiceAsync(unit, groupId, period, cancellationToken);
            if (draft is null)
            {
                return;
            }

            invoice = await _invoices.FinalizeAsync(unit, draft.Id, cancellationToken);
            await ExpectPaymentAsync(unit, tenant, invoice, null, groupId, ProviderName.Offline, PaymentMethod.BankTransfer, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        notes.Add(new BillingNote(tenant.Id, $"consolidated invoice {invoice.Number}: {invoice.Lines.Count} clinics on one invoice, {Amount(invoice.Total)}"));
    }

    private async Task<PaymentRecord> ExpectPaymentAsync(
        ITenantUnitOfWork unit, SampleTenant tenant, Invoice invoice, SubscriptionId? subscription, BillingGroupId? group,
        ProviderName provider, PaymentMethod method, CancellationToken cancellationToken)
    {
        await _ledger.PostChargeAsync(unit, new ChargeRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("charge", invoice.Id.Value),
            Actor = Actor.System,
            Amount = invoice.Total,
            DueDate = invoice.DueDate,
            Customer = invoice.CustomerId,
            Invoice = invoice.Id,
            InvoiceNumber = invoice.Number,
            Subscription = subscription,
            Description = invoice.Lines[0].Description,
        }, cancellationToken);
        var update = await _ledger.RecordPaymentAsync(unit, new RecordPaymentRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("expect-payment", invoice.Id.Value),
            Actor = Actor.System,
            Payment = PaymentIdFor(tenant.Id, invoice.InvoiceDate),
            Customer = invoice.CustomerId,
            Amount = invoice.Total,
            DueDate = invoice.DueDate,
            Invoice = invoice.Id,
            InvoiceNumber = invoice.Number,
            Subscription = subscription,
            BillingGroup = group,
            Provider = provider,
            Method = method,
        }, cancellationToken);
        return update.Payment;
    }

    /// <summary>Charges the saved card and reports the outcome to the desk as the provider's webhook would.</summary>
    private async Task ChargeCardAsync(TenantId tenant, PaymentRecord payment, List<BillingNote> notes, CancellationToken cancellationToken)
    {
        var attempt = payment.Attempts.Count + 1;
        var card = host.Get<IPaymentProviderRegistry>().GetProvider(SimulatedCardProvider.Name);
        var customer = "cus_card_" + tenant.Value;
        var now = host.Clock.GetCurrentInstant();
        BillingEvent outcome;
        try
        {
            var charged = await card.ChargeSavedPaymentMethodAsync(
                new SavedPaymentMethodCharge(payment.Id, payment.Amount, customer, "pm_card_" + tenant.Value,
                    IdempotencyKey.Derive("card-charge", payment.Id.Value, attempt.ToString(CultureInfo.InvariantCulture))),
                cancellationToken);
            outcome = new PaymentSucceededEvent
            {
                Provider = SimulatedCardProvider.Name,
                Account = PaymentProviderRegistration.DefaultAccount,
                EventId = "evt_" + charged.ProviderPaymentId,
                EventType = "charge.succeeded",
                OccurredAt = now,
                Amount = charged.Amount,
                PaymentId = payment.Id,
                ProviderPaymentId = charged.ProviderPaymentId,
                ProviderChargeId = charged.ProviderChargeId,
                ProviderCustomerId = customer,
            };
            notes.Add(new BillingNote(tenant, $"card charged {Amount(payment.Amount)} ({charged.ProviderPaymentId})"));
        }
        catch (ProviderException declined) when (declined.Kind == ProviderErrorKind.Declined)
        {
            outcome = new PaymentFailedEvent
            {
                Provider = SimulatedCardProvider.Name,
                Account = PaymentProviderRegistration.DefaultAccount,
                EventId = "evt_" + declined.ProviderPaymentId,
                EventType = "charge.failed",
                OccurredAt = now,
                Amount = payment.Amount,
                PaymentId = payment.Id,
                ProviderPaymentId = declined.ProviderPaymentId ?? payment.Id.Value,
                DeclineCode = declined.DeclineCode,
                FailureCode = declined.Code,
                FailureMessage = declined.Message,
                ProviderCustomerId = customer,
            };
            notes.Add(new BillingNote(tenant, $"card declined: {declined.DeclineCode} (attempt {attempt}, {Amount(payment.Amount)})", IsProblem: true));
        }

        var result = await _events.HandleAsync(tenant, outcome, cancellationToken);
        foreach (var transition in result.Dunning?.Transitions ?? [])
        {
            notes.Add(new BillingNote(tenant, $"dunning {transition.From} -> {transition.To} ({transition.Cause})", transition.To != DunningState.Active));
        }

        if (outcome is PaymentSucceededEvent)
        {
            await MarkScheduledPaymentPaidAsync(tenant, payment, cancellationToken);
        }
    }

    private async Task MarkScheduledPaymentPaidAsync(TenantId tenant, PaymentRecord payment, CancellationToken cancellationToken)
    {
        if (payment.Subscription is not { } subscription)
        {
            return;
        }

        var schedule = await _subscriptions.GetScheduleAsync(tenant, subscription, cancellationToken);
        if (schedule.FirstOrDefault(p => p.DueDate == payment.DueDate && p.Status == ScheduledPaymentStatus.Pending) is { } scheduled)
        {
            await _subscriptions.MarkScheduledPaymentPaidAsync(tenant, subscription, scheduled.Sequence, cancellationToken);
        }
    }

    private static InvoiceParty Party(SampleTenant tenant) => new(tenant.Name, Email: $"billing@{tenant.Id.Value}.example");

    private static InvoiceLine Line(SampleTenant tenant, ScheduledPayment due)
    {
        var plan = SampleCatalog.PlanOf(tenant);
        return InvoiceLine.Create($"{plan.Name} plan, {due.Period.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", due.Amount) with
        {
            Period = due.Period,
            SubscriptionId = due.SubscriptionId,
            PlanId = plan.Id,
        };
    }

    private static string Amount(Money money) => money.ToDisplayString(CultureInfo.GetCultureInfo("en-US"));
}
