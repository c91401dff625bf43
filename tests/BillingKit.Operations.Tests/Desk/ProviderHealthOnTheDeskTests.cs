using BillingKit.Operations.Tests.Events;
using BillingKit.Providers;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class ProviderHealthOnTheDeskTests
{
    [Fact]
    public async Task A_provider_outage_during_refunds_writes_nothing_and_shows_the_provider_degraded_until_a_call_succeeds()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_1", 120m, "ch_1");
        var transactions = await desk.LedgerTransactionCountAsync();
        desk.Card.RefundError = ProviderErrorKind.ProviderUnavailable;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var outage = await Assert.ThrowsAsync<ProviderException>(() => desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(10m), RefundCause.TechnicalError));
            Assert.Equal(ProviderErrorKind.ProviderUnavailable, outage.Kind);
        }

        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        Assert.Empty(await desk.AuditRecordsAsync());
        Assert.Empty(await desk.Get<IDeskRefundStore>().ListAsync(Tenant, DeskRefundStatus.Pending));
        var monitor = desk.Get<ProviderHealthMonitor>();
        Assert.True(monitor.GetStatus(ProviderName.Stripe).IsDegraded);

        desk.Card.RefundError = null;
        await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(10m), RefundCause.TechnicalError);

        Assert.False(monitor.GetStatus(ProviderName.Stripe).IsDegraded);
    }

    [Fact]
    public async Task Payment_failures_from_provider_events_across_tenants_raise_a_mass_payment_failure()
    {
        await using var desk = Create();
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);

        for (var i = 0; i < 25; i++)
        {
            var tenant = TenantId.From("ten_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await desk.Events.HandleAsync(tenant, ProviderEventProcessorTests.Failed("evt_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "pi_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 10m, at, null, "issuer_not_available"));
        }

        var raised = ((InMemoryEscalationSink)desk.Get<IEscalationSink>()).Raised;
        Assert.Contains(raised, e => e.Kind == EscalationKind.MassPaymentFailure);
    }
}
