using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations.Tests.Desk;
using BillingKit.Providers;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Events;

public class ProviderEventProcessorTests
{
    private static readonly Instant Jan2 = Instant.FromUtc(2026, 1, 2, 10, 0);

    [Fact]
    public async Task A_payment_succeeded_event_pays_the_ledger_payment_and_its_invoice_and_is_audited_as_the_system()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(99m));
        var payment = await desk.ExpectCardPaymentAsync("pay_1", 99m, invoice: invoice.Id, invoiceNumber: invoice.Number);

        var result = await desk.Events.HandleAsync(Tenant, Succeeded("evt_1", "pi_1", 99m, Jan2, payment));

        Assert.Equal(ProviderEventOutcome.Applied, result.Outcome);
        var paid = await desk.Ledger.GetPaymentAsync(Tenant, payment);
        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal("pi_1", paid.ProviderReference);
        Assert.Equal(InvoiceStatus.Paid, (await desk.Get<InvoiceService>().GetAsync(Tenant, invoice.Id))!.Status);
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal("provider-event.handle", record.Action);
        Assert.Equal(Actor.System.Id, record.ActorId);
        Assert.Equal(BillingRole.System, record.ActorRole);
        Assert.Equal("evt_1", record.Details["event.id"]);
        Assert.Equal("pay_1", record.Target);
    }

    [Fact]
    public async Task A_replayed_event_writes_nothing()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var payment = await desk.ExpectCardPaymentAsync("pay_1", 99m);
        var failed = Failed("evt_9", "pi_1", 99m, Jan2, payment, "insufficient_funds");
        await desk.Events.HandleAsync(Tenant, failed);
        var transactions = await desk.LedgerTransactionCountAsync();
        var audit = (await desk.AuditRecordsAsync()).Count;
        var dunning = await desk.Get<DunningService>().GetTransitionsAsync(Tenant);
        var attempts = (await desk.Ledger.GetPaymentAsync(Tenant, payment)).Attempts.Count;

        var replay = await desk.Events.HandleAsync(Tenant, failed with { OccurredAt = Jan2 });

        Assert.Equal(ProviderEventOutcome.Duplicate, replay.Outcome);
        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        Assert.Equal(audit, (await desk.AuditRecordsAsync()).Count);
        Assert.Equal(dunning.Count, (await desk.Get<DunningService>().GetTransitionsAsync(Tenant)).Count);
        Assert.Equal(attempts, (await desk.Ledger.GetPaymentAsync(Tenant, payment)).Attempts.Count);
    }

    [Fact]
    public async Task A_declined_payment_fails_the_ledger_payment_moves_dunning_and_pushes_the_access_level_to_entitlements()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var payment = await desk.ExpectCardPaymentAsync("pay_1", 99m);

        var result = await desk.Events.HandleAsync(Tenant, Failed("evt_2", "pi_1", 99m, Jan2, payment, "insufficient_funds"));

        Assert.Equal(ProviderEventOutcome.Applied, result.Outcome);
        var failed = await desk.Ledger.GetPaymentAsync(Tenant, payment);
        Assert.Equal(PaymentStatus.Failed, failed.Status);
        Assert.Equal("insufficient_funds", failed.Attempts[^1].DeclineCode);
        var dunning = await desk.Get<DunningService>().GetAsync(Tenant);
        Assert.Equal(DunningState.PastDue, dunning.State);
        Assert.Equal("insufficient_funds", dunning.LastDeclineCode);
        Assert.Equal(dunning.Access, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.AccessLevel);
        Assert.NotEqual(AccessLevel.Full, dunning.Access);
        Assert.Equal("insufficient_funds", (await desk.AuditRecordsAsync())[^1].Details["decline_code"]);
    }

    [Fact]
    public async Task A_failure_older_than_a_success_already_applied_does_not_move_the_tenant_back()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var payment = await desk.ExpectCardPaymentAsync("pay_1", 99m);
        await desk.Events.HandleAsync(Tenant, Succeeded("evt_ok", "pi_1", 99m, Jan2, payment));

        var stale = await desk.Events.HandleAsync(Tenant, Failed("evt_old", "pi_1", 99m, Jan2 - Duration.FromHours(1), payment, "do_not_honor"));

        Assert.Equal(ProviderEventOutcome.Ignored, stale.Outcome);
        Assert.Equal(PaymentStatus.Paid, (await desk.Ledger.GetPaymentAsync(Tenant, payment)).Status);
        Assert.Equal(DunningState.Active, (await desk.Get<DunningService>().GetAsync(Tenant)).State);
        Assert.Equal(AccessLevel.Full, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.AccessLevel);
    }

    [Fact]
    public async Task A_refund_event_settles_a_refund_left_pending_by_a_timeout_and_an_older_failure_is_ignored()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_1", 120m, "ch_1");
        desk.Card.RefundError = ProviderErrorKind.Network;
        var pending = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(45m), RefundCause.TechnicalError);
        Assert.Equal(RefundOutcome.Pending, pending.Outcome);

        var settled = await desk.Events.HandleAsync(Tenant, new RefundSucceededEvent
        {
            Provider = ProviderName.Stripe,
            Account = "default",
            EventId = "evt_r1",
            EventType = "charge.refunded",
            OccurredAt = Jan2,
            ProviderPaymentId = "ch_1",
            ProviderRefundId = "re_1",
            Amount = Usd(45m),
        });

        Assert.Equal(ProviderEventOutcome.Applied, settled.Outcome);
        Assert.Equal(DeskRefundStatus.Succeeded, settled.Refund!.Status);
        Assert.Equal(Usd(75m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));

        var stale = await desk.Events.HandleAsync(Tenant, new RefundFailedEvent
        {
            Provider = ProviderName.Stripe,
            Account = "default",
            EventId = "evt_r0",
            EventType = "refund.failed",
            OccurredAt = Jan2 - Duration.FromMinutes(5),
            ProviderPaymentId = "ch_1",
            ProviderRefundId = "re_1",
            Amount = Usd(45m),
        });

        Assert.Equal(ProviderEventOutcome.Ignored, stale.Outcome);
        Assert.Empty(await desk.Get<IDeskRefundStore>().ListAsync(Tenant, DeskRefundStatus.Failed));
    }

    [Fact]
    public async Task A_refund_failed_event_fails_a_pending_refund_and_leaves_the_ledger_alone()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_1", 120m, "ch_1");
        desk.Card.RefundStatus = ProviderRefundStatus.Pending;
        var pending = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(45m), RefundCause.TechnicalError);

        var result = await desk.Events.HandleAsync(Tenant, new RefundFailedEvent
        {
            Provider = ProviderName.Stripe,
            Account = "default",
            EventId = "evt_rf",
            EventType = "refund.failed",
            OccurredAt = Jan2,
            ProviderPaymentId = "ch_1",
            ProviderRefundId = pending.Refund!.ProviderRefundId!,
            Amount = Usd(45m),
            FailureReason = "expired_or_canceled_card",
        });

        Assert.Equal(ProviderEventOutcome.Applied, result.Outcome);
        Assert.Equal(DeskRefundStatus.Failed, result.Refund!.Status);
        Assert.Equal(Usd(120m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
    }

    [Fact]
    public async Task A_refund_made_in_the_provider_dashboard_is_recorded_and_posted_and_one_the_ledger_cannot_hold_is_escalated()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_1", 120m, "ch_1");

        var dashboard = await desk.Events.HandleAsync(Tenant, new RefundSucceededEvent
        {
            Provider = ProviderName.Stripe,
            Account = "default",
            EventId = "evt_r1",
            EventType = "charge.refunded",
            OccurredAt = Jan2,
            ProviderPaymentId = "ch_1",
            ProviderRefundId = "re_dash",
            Amount = Usd(100m),
        });

        Assert.Equal(ProviderEventOutcome.Applied, dashboard.Outcome);
        Assert.Equal("ref_re_dash", dashboard.Refund!.Id);
        Assert.Equal(Usd(20m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));

        var tooMuch = await desk.Events.HandleAsync(Tenant, new RefundSucceededEvent
        {
            Provider = ProviderName.Stripe,
            Account = "default",
            EventId = "evt_r2",
            EventType = "charge.refunded",
            OccurredAt = Jan2 + Duration.FromHours(1),
            ProviderPaymentId = "ch_1",
            ProviderRefundId = "re_dash2",
            Amount = Usd(50m),
        });

        Assert.Equal(ProviderEventOutcome.NeedsAttention, tooMuch.Outcome);
        Assert.Equal(Usd(20m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        Assert.Contains(((InMemoryEscalationSink)desk.Get<IEscalationSink>()).Raised, e => e.Kind == EscalationKind.ProviderSyncError);
    }

    [Fact]
    public async Task A_dispute_opens_with_its_due_date_and_suggestion_and_a_lost_dispute_posts_a_charge_back()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_1", 120m, "ch_1");
        var due = Jan2 + Duration.FromDays(7);

        var opened = await desk.Events.HandleAsync(Tenant, Opened("evt_d1", "dp_1", "ch_1", 120m, Jan2, due, "product_not_received"));

        Assert.Equal(ProviderEventOutcome.Applied, opened.Outcome);
        Assert.Equal(DeskDisputeStatus.Open, opened.Dispute!.Status);
        Assert.Equal(due, opened.Dispute.ResponseDueBy);
        Assert.Equal(payment, opened.Dispute.Payment);
        Assert.Equal(DisputeResponse.Review, opened.Dispute.Recommendation!.Response);
        var escalation = Assert.Single(((InMemoryEscalationSink)desk.Get<IEscalationSink>()).Raised);
        Assert.Equal(EscalationKind.Dispute, escalation.Kind);

        var closed = await desk.Events.HandleAsync(Tenant, Closed("evt_d2", "dp_1", "ch_1", 120m, Jan2 + Duration.FromDays(20), DisputeOutcome.Lost));

        Assert.Equal(DeskDisputeStatus.Lost, closed.Dispute!.Status);
        Assert.True(closed.Dispute.ChargeBackPosted);
        var balances = await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD);
        Assert.Equal(Usd(120m), balances.ChargedBack);
        Assert.True((await desk.Ledger.GetRefundableAmountAsync(Tenant, payment)).IsZero);

        var late = await desk.Events.HandleAsync(Tenant, Opened("evt_d0", "dp_1", "ch_1", 120m, Jan2 - Duration.FromHours(1), due, "fraudulent"));
        Assert.Equal(ProviderEventOutcome.Ignored, late.Outcome);
        Assert.Equal(DeskDisputeStatus.Lost, Assert.Single(await desk.Disputes.ListAsync(DeskFixture.Support, Tenant, null)).Status);
    }

    [Fact]
    public async Task A_won_dispute_posts_nothing_to_the_ledger()
    {
        await using var desk = Create();
        await desk.PaidCardPaymentAsync("pay_1", 120m, "ch_1");
        await desk.Events.HandleAsync(Tenant, Opened("evt_d1", "dp_1", "ch_1", 120m, Jan2, null, null));
        var transactions = await desk.LedgerTransactionCountAsync();

        var won = await desk.Events.HandleAsync(Tenant, Closed("evt_d2", "dp_1", "ch_1", 120m, Jan2 + Duration.FromDays(30), DisputeOutcome.Won));

        Assert.Equal(DeskDisputeStatus.Won, won.Dispute!.Status);
        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
    }

    [Fact]
    public async Task An_event_type_the_desk_does_not_act_on_is_recorded_as_handled_and_ignored()
    {
        await using var desk = Create();
        var unmapped = new UnmappedEvent { Provider = ProviderName.Stripe, Account = "default", EventId = "evt_u", EventType = "customer.updated", OccurredAt = Jan2 };

        var first = await desk.Events.HandleAsync(Tenant, unmapped);
        var second = await desk.Events.HandleAsync(Tenant, unmapped);

        Assert.Equal(ProviderEventOutcome.Ignored, first.Outcome);
        Assert.Equal(ProviderEventOutcome.Duplicate, second.Outcome);
        Assert.Single(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task The_same_event_id_from_two_parallel_deliveries_is_handled_once()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var payment = await desk.ExpectCardPaymentAsync("pay_1", 99m);
        var e = Succeeded("evt_p", "pi_1", 99m, Jan2, payment);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => desk.Events.HandleAsync(Tenant, e))));

        Assert.Single(results, r => r.Outcome == ProviderEventOutcome.Applied);
        Assert.Equal(7, results.Count(r => r.Outcome == ProviderEventOutcome.Duplicate));
        Assert.Single(await desk.AuditRecordsAsync());
    }

    internal static PaymentSucceededEvent Succeeded(string eventId, string providerPaymentId, decimal amount, Instant at, PaymentId? ours) => new()
    {
        Provider = ProviderName.Stripe,
        Account = "default",
        EventId = eventId,
        EventType = "payment_intent.succeeded",
        OccurredAt = at,
        ProviderPaymentId = providerPaymentId,
        Amount = Usd(amount),
        PaymentId = ours,
    };

    internal static PaymentFailedEvent Failed(string eventId, string providerPaymentId, decimal amount, Instant at, PaymentId? ours, string? decline) => new()
    {
        Provider = ProviderName.Stripe,
        Account = "default",
        EventId = eventId,
        EventType = "payment_intent.payment_failed",
        OccurredAt = at,
        ProviderPaymentId = providerPaymentId,
        Amount = Usd(amount),
        PaymentId = ours,
        FailureCode = "card_declined",
        DeclineCode = decline,
    };

    internal static DisputeOpenedEvent Opened(string eventId, string disputeId, string charge, decimal amount, Instant at, Instant? due, string? reason) => new()
    {
        Provider = ProviderName.Stripe,
        Account = "default",
        EventId = eventId,
        EventType = "charge.dispute.created",
        OccurredAt = at,
        ProviderDisputeId = disputeId,
        ProviderPaymentId = charge,
        Amount = Usd(amount),
        ResponseDueBy = due,
        Reason = reason,
    };

    internal static DisputeClosedEvent Closed(string eventId, string disputeId, string charge, decimal amount, Instant at, DisputeOutcome outcome) => new()
    {
        Provider = ProviderName.Stripe,
        Account = "default",
        EventId = eventId,
        EventType = "charge.dispute.closed",
        OccurredAt = at,
        ProviderDisputeId = disputeId,
        ProviderPaymentId = charge,
        Amount = Usd(amount),
        Outcome = outcome,
    };
}
