using System.Globalization;
using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Sample.Seeding;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>What one billing event did, for the demo's log.</summary>
internal sealed record BillingNote(TenantId Tenant, string Text, bool IsProblem = false);

/// <summary>
/// The host's scheduler: what a host application runs every day. It bills the subscriptions due that day (invoice,
/// ledger charge, expected payment), charges saved cards on the simulated card network, reports each outcome to the
/// ledger, the invoice and dunning in one unit of work per tenant, runs the dunning processor (retries and stages)
/// and pushes access-level changes to entitlements.
/// </summary>
internal sealed class BillingRun(SampleHost host)
{
    private readonly IUnitOfWorkFactory _units = host.Get<IUnitOfWorkFactory>();
    private readonly LedgerService _ledger = host.Get<LedgerService>();
    private readonly InvoiceService _invoices = host.Get<InvoiceService>();
    private readonly SubscriptionService _subscriptions = host.Get<SubscriptionService>();
    private readonly BillingGroupService _groups = host.Get<BillingGroupService>();
    private readonly DunningService _dunning = host.Get<DunningService>();
    private readonly DunningProcessor _processor = host.Get<DunningProcessor>();
    private readonly EntitlementService _entitlements = host.Get<EntitlementService>();

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
                if (due is not null)
                {
                    await BillScheduledPaymentAsync(tenant, due, notes, cancellationToken);
                }
            }
        }

        return notes;
    }

    /// <summary>Runs the dunning processor at the clock's instant: due retries are charged, stage changes reach entitlements.</summary>
    public async Task<IReadOnlyList<BillingNote>> RunDunningAsync(CancellationToken cancellationToken = default)
    {
        var notes = new List<BillingNote>();
        var decisions = await _processor.RunDueAsync(host.Clock.GetCurrentInstant(), cancellationToken);
        foreach (var decision in decisions)
        {
            var tenant = decision.Snapshot.Tenant;
            foreach (var transition in decision.Transitions)
            {
                notes.Add(new BillingNote(tenant, $"dunning {transition.From} -> {transition.To} ({transition.Cause})", IsProblem: true));
            }

            foreach (var change in decision.Effects.OfType<ChangeAccessLevel>())
            {
                await _entitlements.SetAccessLevelAsync(tenant, change.To, cancellationToken);
                notes.Add(new BillingNote(tenant, $"access {change.From} -> {change.To}", change.To != AccessLevel.Full));
            }

            foreach (var attempt in decision.Effects.OfType<AttemptCharge>())
            {
                await RetryFailedPaymentAsync(tenant, attempt.AttemptNumber, notes, cancellationToken);
            }
        }

        return notes;
    }

    /// <summary>Charges the tenant's failed card payment again (a dunning retry, or after the card was updated).</summary>
    public async Task RetryFailedPaymentAsync(TenantId tenant, int attemptNumber, List<BillingNote> notes, CancellationToken cancellationToken = default)
    {
        var failed = await _ledger.QueryPaymentsAsync(tenant, new PaymentQuery { Statuses = [PaymentStatus.Failed], PageSize = 10 }, cancellationToken);
        var payment = failed.Items.OrderBy(p => p.DueDate).FirstOrDefault();
        if (payment is null)
        {
            return;
        }

        await ChargeCardAsync(tenant, payment, attemptNumber, notes, cancellationToken);
    }

    private async Task BillScheduledPaymentAsync(SampleTenant tenant, ScheduledPayment due, List<BillingNote> notes, CancellationToken cancellationToken)
    {
        var plan = SampleCatalog.PlanOf(tenant);
        var manual = tenant.Collection == Collection.Manual;
        var line = InvoiceLine.Create($"{plan.Name} plan, {due.Period.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", due.Amount) with
        {
            Period = due.Period,
            SubscriptionId = due.SubscriptionId,
            PlanId = plan.Id,
        };
        var purchaseOrder = host.Book.PurchaseOrders.TryGetValue(tenant.Id, out var po) ? po : (PurchaseOrderId?)null;
        var newInvoice = new NewInvoice(tenant.Customer, new InvoiceParty(tenant.Name, Email: $"billing@{tenant.Id.Value}.example"),
            due.Amount.Currency, due.DueDate, manual ? PaymentTerms.Net30 : PaymentTerms.DueOnReceipt)
        {
            Lines = [line],
            CollectionMethod = manual ? CollectionMethod.Manual : CollectionMethod.Automatic,
            PurchaseOrderId = manual ? purchaseOrder : null,
        };

        PaymentRecord payment;
        Invoice invoice;
        await using (var unit = await _units.BeginAsync(tenant.Id, cancellationToken))
        {
            var draft = await _invoices.CreateDraftAsync(unit, newInvoice, cancellationToken);
            invoice = await _invoices.FinalizeAsync(unit, draft.Id, cancellationToken);
            payment = await ExpectPaymentAsync(unit, tenant, invoice, due.SubscriptionId, null,
                manual ? ProviderName.Offline : ProviderName.Stripe,
                manual ? PaymentMethod.Wire : PaymentMethod.Card, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        notes.Add(new BillingNote(tenant.Id, $"invoice {invoice.Number} {invoice.Total}{(manual ? $", due {invoice.DueDate:yyyy-MM-dd}" : string.Empty)}"));
        if (!manual)
        {
            await ChargeCardAsync(tenant.Id, payment, 1, notes, cancellationToken);
        }
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

        notes.Add(new BillingNote(tenant.Id, $"consolidated invoice {invoice.Number}: {invoice.Lines.Count} lines, {invoice.Total}"));
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

    private async Task ChargeCardAsync(TenantId tenant, PaymentRecord payment, int attemptNumber, List<BillingNote> notes, CancellationToken cancellationToken)
    {
        var (chargeId, decline) = host.Cards.Charge(tenant);
        var now = host.Clock.GetCurrentInstant();
        var attemptKey = string.Create(CultureInfo.InvariantCulture, $"{payment.Id.Value}:{attemptNumber}");
        await using (var unit = await _units.BeginAsync(tenant, cancellationToken))
        {
            await _ledger.StartPaymentAttemptAsync(unit, new StartPaymentAttemptRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("attempt", attemptKey),
                Actor = Actor.System,
                Payment = payment.Id,
                ProviderReference = chargeId,
            }, cancellationToken);

            var decision = decline is null
                ? await RecordCardSuccessAsync(unit, payment, chargeId, attemptKey, now, cancellationToken)
                : await RecordCardFailureAsync(unit, payment, decline, attemptKey, attemptNumber, now, cancellationToken);
            notes.Add(decline is null
                ? new BillingNote(tenant, $"card charged {payment.Amount} ({chargeId})")
                : new BillingNote(tenant, $"card declined: {decline} (attempt {attemptNumber}, {payment.Amount})", IsProblem: true));
            if (decision.Effects.OfType<ChangeAccessLevel>().LastOrDefault()?.To is { } level)
            {
                await _entitlements.SetAccessLevelAsync(unit, level, cancellationToken);
            }

            foreach (var transition in decision.Transitions)
            {
                notes.Add(new BillingNote(tenant, $"dunning {transition.From} -> {transition.To} ({transition.Cause})", transition.To != DunningState.Active));
            }

            await unit.CommitAsync(cancellationToken);
        }
    }

    private async Task<DunningDecision> RecordCardSuccessAsync(
        ITenantUnitOfWork unit, PaymentRecord payment, string chargeId, string attemptKey, Instant now, CancellationToken cancellationToken)
    {
        var paid = await _ledger.MarkAsPaidAsync(unit, new MarkAsPaidRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("paid", attemptKey),
            Actor = Actor.System,
            Payment = payment.Id,
            PaymentDate = now.InUtc().Date,
            Method = PaymentMethod.Card,
            ProviderReference = chargeId,
        }, cancellationToken);
        if (payment.Invoice is { } invoice)
        {
            await _invoices.RecordPaymentAsync(unit, invoice, payment.Id, paid.Payment.Amount, cancellationToken);
        }

        if (payment.Subscription is { } subscription)
        {
            var schedule = await _subscriptions.GetScheduleAsync(unit.Tenant, subscription, cancellationToken);
            var scheduled = schedule.First(p => p.DueDate == payment.DueDate);
            await _subscriptions.MarkScheduledPaymentPaidAsync(unit, subscription, scheduled.Sequence, cancellationToken);
        }

        return await _dunning.ApplyAsync(unit, new PaymentSucceeded(now), cancellationToken);
    }

    private async Task<DunningDecision> RecordCardFailureAsync(
        ITenantUnitOfWork unit, PaymentRecord payment, string decline, string attemptKey, int attemptNumber, Instant now, CancellationToken cancellationToken)
    {
        await _ledger.MarkPaymentFailedAsync(unit, new PaymentFailedRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("failed", attemptKey),
            Actor = Actor.System,
            Payment = payment.Id,
            FailureReason = DeclineCodes.Classify(decline).Description,
            DeclineCode = decline,
        }, cancellationToken);
        return await _dunning.ApplyAsync(unit, new PaymentFailed(now, decline, attemptNumber), cancellationToken);
    }
}
