using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Providers;
using BillingKit.Sample.Commands;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using NodaTime;
using Spectre.Console;

namespace BillingKit.Sample.Demo;

/// <summary>
/// The demo month (March 2026) over the seeded book, on the simulated clock: the billing run, a card that fails with
/// insufficient funds and walks through dunning, grace and a forced state during a dispute, a wire against an
/// approved purchase order, a consolidated group invoice paid by card through a pay link and the provider's hosted
/// checkout, a quota hit with a grace allowance that expires, a partial refund and a goodwill credit. Ends with the
/// dashboard and one invoice PDF.
/// </summary>
internal sealed class DemoScript(DeskSession session)
{
    private static readonly Actor Dana = GlobalOptions.OperatorFor(BillingRole.BillingAdmin);
    private static readonly Actor Fatima = GlobalOptions.OperatorFor(BillingRole.Finance);

    private readonly SampleHost _host = session.Host;
    private readonly DemoLog _log = new(session.Console);
    private readonly BillingRun _billing = new(session.Host);

    public async Task<int> RunAsync(string? pdfPath, CancellationToken cancellationToken)
    {
        var console = session.Console;
        console.Write(new Rule("[bold]BillingKit sample: a month at the billing desk[/]").RuleStyle("blue"));
        console.MarkupLine("[grey]Six tenants, billed since January on a simulated clock over the embedded in-memory store. March 2026 plays out below;[/]");
        console.MarkupLine("[grey]every desk action goes through BillingKit's desk services with a role, a reason and an audit record.[/]");

        await MonthStartAsync(cancellationToken);
        await QuotaHitAsync(cancellationToken);
        await FirstWeekAsync(cancellationToken);
        await DisputeAsync(cancellationToken);
        await WireAsync(cancellationToken);
        await RecoveryAsync(cancellationToken);
        await MoneyBackAsync(cancellationToken);
        return await MonthEndAsync(pdfPath, cancellationToken);
    }

    /// <summary>1 March: the billing run bills every subscription; Globex's card is declined for insufficient funds.</summary>
    private async Task MonthStartAsync(CancellationToken cancellationToken)
    {
        _host.Cards.DeclineNext("cus_card_globex", "insufficient_funds", "insufficient_funds", "insufficient_funds");
        var notes = await StepAsync(new LocalDate(2026, 3, 1), 9, "Billing run: subscriptions bill", () => _billing.BillDayAsync(SampleCatalog.DemoMonth, cancellationToken));
        _log.Notes(notes);
        _log.Aside("Globex's card came back insufficient_funds: dunning opened a past-due episode, retries on days 3, 7 and 14, access Warned.");
    }

    /// <summary>Hooli uses up its quota and gets a 72-hour grace allowance.</summary>
    private async Task QuotaHitAsync(CancellationToken cancellationToken)
    {
        var gate = _host.Get<EntitlementGate>();
        var hooli = SampleCatalog.Hooli.Id;
        await StepAsync(new LocalDate(2026, 3, 2), 14, "Hooli's launch: verifications climb", () => Task.FromResult(0));
        var used = await QuotaUse.TryConsumeAsync(gate, hooli, Metric.Verifications, 60, cancellationToken);
        var denied = await QuotaUse.TryConsumeAsync(gate, hooli, Metric.Verifications, 1, cancellationToken);
        _log.Line("hooli", $"60 verifications {Show.Allowed(used.IsAllowed)} (remaining {Show.Number(used.Remaining)}); the next one {Show.Allowed(denied.IsAllowed)}: {denied.Reason}", !denied.IsAllowed);

        var grace = await _host.Get<EntitlementDesk>().GrantGraceAllowanceAsync(
            new DeskRequest(Dana, hooli, "Launch week: keep verifying while they upgrade"), Metric.Verifications, 500, 72, cancellationToken);
        _log.Desk($"Dana grants a grace allowance of +{Show.Number(grace.ExtraUnits)} verifications until {Show.Moment(grace.ExpiresAt)}");
        var during = await QuotaUse.TryConsumeAsync(gate, hooli, Metric.Verifications, 300, cancellationToken);
        _log.Line("hooli", $"300 more verifications {Show.Allowed(during.IsAllowed)} within the grace (remaining {Show.Number(during.Remaining)})");
    }

    /// <summary>Hooli's grace allowance expires on its own: the gate denies again.</summary>
    private async Task QuotaExpiryAsync(CancellationToken cancellationToken)
    {
        var gate = _host.Get<EntitlementGate>();
        var hooli = SampleCatalog.Hooli.Id;
        await StepAsync(new LocalDate(2026, 3, 5), 15, "Hooli's grace allowance expires", () => Task.FromResult(0));
        var after = await QuotaUse.CheckAsync(gate, hooli, Metric.Verifications, 1, cancellationToken);
        _log.Line("hooli", $"grace expired at 14:00: the next verification is {Show.Allowed(after.IsAllowed)} ({after.Reason}, limit {Show.Number(after.Limit)}); no job ran, the gate read the clock", !after.IsAllowed);
    }

    /// <summary>Dunning retries, an admin extends grace, the purchase order is approved and the government pays.</summary>
    private async Task FirstWeekAsync(CancellationToken cancellationToken)
    {
        _log.Notes(await StepAsync(new LocalDate(2026, 3, 4), 9, "Scheduler: dunning retries", () => _billing.RunDunningAsync(cancellationToken)));

        await StepAsync(new LocalDate(2026, 3, 4), 11, "Purchase order review", () => Task.FromResult(0));
        var orders = _host.Get<PurchaseOrderDesk>();
        var queue = await orders.GetReviewQueueAsync(Dana, null, cancellationToken);
        var workshop = queue.Single(i => i.Order.Number == "PO-7790");
        await orders.ApproveAsync(new DeskRequest(Dana, workshop.Tenant, "Matches the signed workshop quote Q-2231"), workshop.Order.Id, cancellationToken);
        _log.Desk($"Dana approves Initech's PO-7790 ({Show.Money(workshop.Order.Amount)}) from the review queue");
        var invoice = await _host.Get<InvoiceDesk>().CreateManualInvoiceAsync(
            new DeskRequest(Dana, workshop.Tenant, "Onboarding workshop delivered in Lagos on 3 March"),
            new NewInvoice(SampleCatalog.Initech.Customer, new InvoiceParty(SampleCatalog.Initech.Name, Email: "billing@initech.example"),
                SampleCatalog.Currency, new LocalDate(2026, 3, 4), PaymentTerms.Net30)
            {
                Lines = [InvoiceLine.Create("Onboarding workshop, Lagos office (2 days)", SampleCatalog.Usd(3_000m), 2m)],
                PurchaseOrderId = workshop.Order.Id,
            }, cancellationToken);
        _log.Desk($"Dana raises manual invoice {Markup.Escape(invoice.Number ?? "-")} for {Show.Money(invoice.Total)}, drawn on PO-7790");

        await StepAsync(new LocalDate(2026, 3, 5), 10, "Treasury transfer", () => Task.FromResult(0));
        await RecordTransferAsync(SampleCatalog.Ministry, new LocalDate(2026, 2, 1), "TRSY-2026-0733", "Treasury transfer for the February invoice", cancellationToken);
        await QuotaExpiryAsync(cancellationToken);

        await StepAsync(new LocalDate(2026, 3, 6), 10, "Globex asks for time", () => Task.FromResult(0));
        var extended = await _host.Get<DunningDesk>().ExtendGraceAsync(new DeskRequest(Dana, SampleCatalog.Globex.Id, "Customer's finance team promised payment by the 15th"), 7, cancellationToken);
        _log.Desk($"Dana extends Globex's grace by 7 days: {Show.State(extended.Snapshot.State)}, next stage {Show.Moment(extended.Snapshot.NextStageAt)}");

        _log.Notes(await StepAsync(new LocalDate(2026, 3, 8), 9, "Scheduler: dunning retries", () => _billing.RunDunningAsync(cancellationToken)));
        var failures = await _host.Get<DeskViews>().GetFailuresAndSuspensionsAsync(Dana, cancellationToken);
        FailuresCommand.Render(session.Console, failures);
    }

    /// <summary>Globex disputes its February charge; the admin forces Active while the dispute is investigated.</summary>
    private async Task DisputeAsync(CancellationToken cancellationToken)
    {
        await StepAsync(new LocalDate(2026, 3, 10), 13, "A dispute arrives from the card network", () => Task.FromResult(0));
        var globex = SampleCatalog.Globex.Id;
        var february = await _host.Get<LedgerService>().GetPaymentAsync(globex, BillingRun.PaymentIdFor(globex, new LocalDate(2026, 2, 1)), cancellationToken);
        var opened = await _host.Get<ProviderEventProcessor>().HandleAsync(globex, new DisputeOpenedEvent
        {
            Provider = SimulatedCardProvider.Name,
            Account = PaymentProviderRegistration.DefaultAccount,
            EventId = "evt_dp_0001",
            EventType = "charge.dispute.created",
            OccurredAt = _host.Clock.GetCurrentInstant(),
            ProviderDisputeId = "dp_0001",
            ProviderPaymentId = february.ProviderReference ?? february.Id.Value,
            Amount = february.Amount,
            Reason = "product_not_received",
            ResponseDueBy = _host.Clock.GetCurrentInstant() + Duration.FromDays(10),
        }, cancellationToken);
        _log.Line("globex", $"dispute dp_0001 opened on the February charge ({Show.Money(february.Amount)}): {opened.Outcome}"
            + (opened.Dispute?.Recommendation is { } advice ? $", the desk recommends [bold]{advice.Response}[/] ({Markup.Escape(advice.Rule)})" : string.Empty), problem: true);
        var forced = await _host.Get<DunningDesk>().ForceStateAsync(
            new DeskRequest(Dana, globex, "Dispute dp_0001 under investigation: keep the account running meanwhile"), ForcedState.Active, cancellationToken);
        _log.Desk($"Dana forces Globex Active during the dispute: {Show.State(forced.Snapshot.State)}, access {Show.Access(forced.Snapshot.Access)}");
    }

    /// <summary>Initech pays its invoices by wire: the monthly ones drawn on PO-7731 and the workshop on PO-7790.</summary>
    private async Task WireAsync(CancellationToken cancellationToken)
    {
        await StepAsync(new LocalDate(2026, 3, 12), 10, "Initech's wire arrives", () => Task.FromResult(0));
        var invoices = await _host.Get<InvoiceService>().SearchAsync(SampleCatalog.Initech.Id, new InvoiceQuery { Status = InvoiceStatus.Open }, cancellationToken);
        foreach (var invoice in invoices.Items.OrderBy(i => i.Number, StringComparer.Ordinal))
        {
            var paid = await _host.Get<PaymentDesk>().RecordPaymentAsync(
                new DeskRequest(Fatima, SampleCatalog.Initech.Id, "Wire WIRE-INI-0312 matched to the invoice"),
                invoice.Id,
                new OfflinePayment(invoice.AmountRemaining, new LocalDate(2026, 3, 12), PaymentMethod.Wire, "WIRE-INI-0312"),
                cancellationToken);
            _log.Desk($"Fatima records the wire against {Markup.Escape(invoice.Number ?? "-")} ({Show.Money(invoice.AmountRemaining)}, PO {Markup.Escape(invoice.PurchaseOrderNumber ?? "-")}): invoice {paid.Invoice.Status}");
        }
    }

    /// <summary>Globex tops up its card and pays; the dispute is won and the admin hands Globex back to the machine.</summary>
    private async Task RecoveryAsync(CancellationToken cancellationToken)
    {
        var globex = SampleCatalog.Globex.Id;
        _log.Notes(await StepAsync(new LocalDate(2026, 3, 14), 16, "Globex's finance team tops up the card; the desk retries", () => _billing.RetryFailedPaymentAsync(globex, cancellationToken)));
        var afterPayment = await _host.Get<DunningService>().GetAsync(globex, cancellationToken);
        _log.Aside(afterPayment.Forced is null
            ? $"The payment settled the past-due episode: Globex is {afterPayment.State} with {afterPayment.Access} access, and the forced state is over."
            : $"The payment succeeded; the forced {afterPayment.Forced} state holds until an admin clears it.");

        await StepAsync(new LocalDate(2026, 3, 16), 10, "The dispute closes", () => Task.FromResult(0));
        var february = await _host.Get<LedgerService>().GetPaymentAsync(globex, BillingRun.PaymentIdFor(globex, new LocalDate(2026, 2, 1)), cancellationToken);
        var closed = await _host.Get<ProviderEventProcessor>().HandleAsync(globex, new DisputeClosedEvent
        {
            Provider = SimulatedCardProvider.Name,
            Account = PaymentProviderRegistration.DefaultAccount,
            EventId = "evt_dp_0001_closed",
            EventType = "charge.dispute.closed",
            OccurredAt = _host.Clock.GetCurrentInstant(),
            ProviderDisputeId = "dp_0001",
            ProviderPaymentId = february.ProviderReference ?? february.Id.Value,
            Amount = february.Amount,
            Outcome = DisputeOutcome.Won,
        }, cancellationToken);
        _log.Line("globex", $"dispute dp_0001 closed: {closed.Dispute?.Status}, no charge-back");
        if ((await _host.Get<DunningService>().GetAsync(globex, cancellationToken)).Forced is not null)
        {
            var cleared = await _host.Get<DunningDesk>().ClearForcedStateAsync(new DeskRequest(Dana, globex, "Dispute won and March paid: back to normal dunning"), cancellationToken);
            _log.Desk($"Dana clears the forced state: {Show.State(cleared.Snapshot.State)}, access {Show.Access(cleared.Snapshot.Access)}");
        }

        await StepAsync(new LocalDate(2026, 3, 17), 10, "Umbrella pays its consolidated invoice by card, through a pay link", () => Task.FromResult(0));
        await PayByLinkAsync(SampleCatalog.Umbrella, SampleCatalog.DemoMonth, cancellationToken);
    }

    /// <summary>
    /// The customer asks to pay by card: Fatima sends a pay link, the host's payment page verifies it and opens the card
    /// provider's hosted checkout, the customer pays there and the provider's payment event settles the invoice.
    /// </summary>
    private async Task PayByLinkAsync(SampleTenant tenant, LocalDate billed, CancellationToken cancellationToken)
    {
        var page = await _host.Get<InvoiceService>().SearchAsync(tenant.Id, new InvoiceQuery { InvoiceDateFrom = billed, InvoiceDateTo = billed }, cancellationToken);
        var invoice = page.Items.Single(i => i.IsFinalized);
        var link = await _host.Get<PayLinkDesk>().IssueAsync(new DeskRequest(Fatima, tenant.Id, "Accounts team asked to pay the March invoice by card"), invoice.Id, cancellationToken);
        _log.Desk($"Fatima sends a pay link for {Markup.Escape(invoice.Number ?? "-")} ({Show.Money(invoice.AmountRemaining)}), valid until {Show.Moment(link.Claims.ExpiresAt)}");

        var paymentPage = new PaymentPage(_host);
        var visit = await paymentPage.OpenAsync(link.Token, SimulatedCardProvider.Name, cancellationToken);
        if (visit.Checkout is not { Outcome: HostedCheckoutOutcome.Opened, Checkout: { } checkout, Payment: { } pending })
        {
            throw new InvalidOperationException($"The demo's pay link opened no checkout: {visit.Verification.Status}, {visit.Checkout?.Explanation}");
        }

        _log.Line(tenant.Id.Value, $"the payment page verifies the link and opens checkout {Markup.Escape(checkout.ProviderCheckoutId)} at {Markup.Escape(checkout.Url.AbsoluteUri)} (pending payment {Show.Money(pending.Amount)})");
        var paid = await paymentPage.CustomerPaysAsync(tenant.Id, checkout, cancellationToken);
        _log.Line(tenant.Id.Value, $"pays on the page; the provider's {Markup.Escape(paid.Event.EventType)} event is {paid.Result.Outcome}: invoice {paid.Invoice?.Status}"
            + string.Concat(paid.Superseded.Select(p => $"; the expected {p.Method} payment {Markup.Escape(p.Id.Value)} is cancelled")));
    }

    /// <summary>A partial refund and a goodwill credit.</summary>
    private async Task MoneyBackAsync(CancellationToken cancellationToken)
    {
        await StepAsync(new LocalDate(2026, 3, 18), 11, "Money back", () => Task.FromResult(0));
        var acme = SampleCatalog.Acme.Id;
        var refund = await _host.Get<RefundDesk>().RefundAsync(
            new DeskRequest(Dana, acme, "Customer removed 4 of 12 seats on 2 March; refund the unused seats"),
            BillingRun.PaymentIdFor(acme, SampleCatalog.DemoMonth), SampleCatalog.Usd(29.67m), RefundCause.CustomerRequest, cancellationToken);
        _log.Desk($"Dana refunds {Show.Money(refund.Requested)} of Acme's March payment: {refund.Outcome}"
            + (refund.Verdict is { } verdict ? $" [grey](policy {Markup.Escape(verdict.Rule)}: {verdict.Decision})[/]" : string.Empty));
        var credit = await _host.Get<CreditDesk>().IssueCreditAsync(
            new DeskRequest(Fatima, SampleCatalog.Hooli.Id, "Verification API outage on 2 March during their launch"),
            SampleCatalog.Usd(10m), CreditKind.Goodwill, cancellationToken);
        _log.Desk($"Fatima issues a goodwill credit of {Show.Money(credit.Amount)} to Hooli: {credit.Outcome}; it pays part of April's invoice");
    }

    /// <summary>31 March: the dashboard, the audit trail's size, and one invoice PDF.</summary>
    private async Task<int> MonthEndAsync(string? pdfPath, CancellationToken cancellationToken)
    {
        await StepAsync(new LocalDate(2026, 3, 31), 18, "Month end", () => _billing.RunDunningAsync(cancellationToken));
        session.Console.WriteLine();
        await Dashboard.RenderAsync(session.Console, _host, Dana, cancellationToken);

        var audit = await _host.Get<AuditLogDesk>().QueryAsync(Dana, new AuditQuery { From = Instant.FromUtc(2026, 3, 1, 0, 0), PageSize = AuditQuery.MaxPageSize }, cancellationToken);
        AuditTrail.Render(session.Console, $"Audit log, March: {audit.Records.Count}{(audit.NextPageToken is null ? string.Empty : "+")} records (every desk action and provider event)", audit.Records);

        var umbrella = await InvoicePdfCommand.FindAsync(_host, SampleCatalog.Umbrella, null, cancellationToken);
        var path = await SpinAsync("Rendering the consolidated invoice PDF...", () => InvoicePdfCommand.WriteAsync(_host, umbrella, pdfPath, cancellationToken));
        Show.Done(session.Console, $"Umbrella's consolidated March invoice {Markup.Escape(umbrella.Number ?? "-")} ({umbrella.Lines.Count} clinics, {Show.Money(umbrella.Total)}) written to [bold]{Markup.Escape(path)}[/]");
        return ExitCodes.Success;
    }

    private async Task RecordTransferAsync(SampleTenant tenant, LocalDate billed, string reference, string reason, CancellationToken cancellationToken)
    {
        var page = await _host.Get<InvoiceService>().SearchAsync(tenant.Id, new InvoiceQuery { InvoiceDateFrom = billed, InvoiceDateTo = billed }, cancellationToken);
        var invoice = page.Items.Single(i => i.IsFinalized);
        var paid = await _host.Get<PaymentDesk>().RecordPaymentAsync(
            new DeskRequest(Fatima, tenant.Id, reason),
            invoice.Id,
            new OfflinePayment(invoice.AmountRemaining, _host.Clock.GetCurrentInstant().InUtc().Date, PaymentMethod.BankTransfer, reference),
            cancellationToken);
        _log.Desk($"Fatima records {Markup.Escape(reference)} against {Markup.Escape(invoice.Number ?? "-")} ({Show.Money(invoice.AmountRemaining)}): invoice {paid.Invoice.Status}");
    }

    /// <summary>Moves the clock to the day and hour, prints the day's heading, and runs the step under a spinner.</summary>
    private async Task<T> StepAsync<T>(LocalDate day, int hour, string title, Func<Task<T>> step)
    {
        var at = day.At(new LocalTime(hour, 0)).InUtc().ToInstant();
        if (at > _host.Clock.GetCurrentInstant())
        {
            _host.Clock.AdvanceTo(at);
        }

        _log.Day(day, title);
        return await SpinAsync($"{title}...", step);
    }

    /// <summary>A spinner while work runs, on a terminal; plain output when redirected or under test.</summary>
    private Task<T> SpinAsync<T>(string status, Func<Task<T>> work) =>
        session.Console.Profile.Capabilities.Interactive
            ? session.Console.Status().StartAsync(status, _ => work())
            : work();
}
