using BillingKit.Operations.Tests.Events;
using BillingKit.Providers;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class DisputeDeskTests
{
    private static readonly Instant Jan2 = Instant.FromUtc(2026, 1, 2, 10, 0);

    [Fact]
    public async Task Finance_submits_usage_evidence_through_the_provider()
    {
        await using var desk = Create();
        await desk.PaidCardPaymentAsync("pay_1", 300m, "ch_1");
        await desk.Events.HandleAsync(Tenant, ProviderEventProcessorTests.Opened("evt_d1", "dp_1", "ch_1", 300m, Jan2, Jan2 + Duration.FromDays(7), "product_not_received"));
        var dispute = Assert.Single(await desk.Disputes.ListAsync(DeskFixture.Finance, Tenant, DeskDisputeStatus.Open));
        Assert.Equal(DisputeResponse.Challenge, desk.Disputes.Recommend(DeskFixture.Finance, dispute, usageEvidenceExists: true).Response);

        var submitted = await desk.Disputes.SubmitEvidenceAsync(
            Request(DeskFixture.Finance, "Customer used the service daily in December"),
            "dp_1",
            new DisputeEvidenceText { AccessActivityLog = "1,204 logins between 1 and 31 December", ProductDescription = "Monthly subscription" });

        Assert.Equal(DeskDisputeStatus.EvidenceSubmitted, submitted.Status);
        var sent = Assert.Single(desk.Card.Evidence);
        Assert.Equal("dp_1", sent.ProviderDisputeId);
        Assert.Equal(IdempotencyKey.Derive("dispute-evidence", "dp_1", "1"), sent.IdempotencyKey);
        Assert.Equal("1,204 logins between 1 and 31 December", sent.AccessActivityLog);
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal("dispute.submit-evidence", record.Action);
        Assert.Equal("dp_1", record.Target);
    }

    [Fact]
    public async Task Accepting_a_small_dispute_closes_it_at_the_provider_and_posts_the_charge_back_once()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_1", 15m, "ch_1");
        var opened = await desk.Events.HandleAsync(Tenant, ProviderEventProcessorTests.Opened("evt_d1", "dp_1", "ch_1", 15m, Jan2, null, null));
        Assert.Equal(DisputeResponse.Accept, opened.Dispute!.Recommendation!.Response);

        var lost = await desk.Disputes.AcceptAsync(Request(DeskFixture.BillingAdmin, "Below the $20 threshold"), "dp_1");

        Assert.Equal(DeskDisputeStatus.Lost, lost.Status);
        Assert.True(lost.ChargeBackPosted);
        Assert.Equal("dp_1", Assert.Single(desk.Card.Accepted).DisputeId);
        Assert.Equal(Usd(15m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).ChargedBack);
        var transactions = await desk.LedgerTransactionCountAsync();

        await desk.Events.HandleAsync(Tenant, ProviderEventProcessorTests.Closed("evt_d2", "dp_1", "ch_1", 15m, Jan2 + Duration.FromDays(1), DisputeOutcome.Lost));

        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        Assert.True((await desk.Ledger.GetRefundableAmountAsync(Tenant, payment)).IsZero);
        await Assert.ThrowsAsync<DisputeNotOpenException>(() => desk.Disputes.AcceptAsync(Request(DeskFixture.BillingAdmin), "dp_1"));
    }

    [Fact]
    public async Task Support_may_not_handle_disputes_and_nothing_is_sent_or_written()
    {
        await using var desk = Create();
        await desk.PaidCardPaymentAsync("pay_1", 15m, "ch_1");
        await desk.Events.HandleAsync(Tenant, ProviderEventProcessorTests.Opened("evt_d1", "dp_1", "ch_1", 15m, Jan2, null, null));
        var audit = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Disputes.AcceptAsync(Request(DeskFixture.Support), "dp_1"));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Disputes.SubmitEvidenceAsync(Request(DeskFixture.Support), "dp_1", new DisputeEvidenceText()));

        Assert.Empty(desk.Card.Accepted);
        Assert.Empty(desk.Card.Evidence);
        Assert.Equal(audit, (await desk.AuditRecordsAsync()).Count);
        Assert.True((await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).ChargedBack.IsZero);
    }

    [Fact]
    public async Task A_dispute_the_provider_never_opened_cannot_be_acted_on()
    {
        await using var desk = Create();

        var missing = await Assert.ThrowsAsync<DisputeNotOpenException>(() => desk.Disputes.AcceptAsync(Request(DeskFixture.Finance), "dp_404"));

        Assert.Null(missing.Status);
        Assert.Empty(await desk.AuditRecordsAsync());
    }
}
