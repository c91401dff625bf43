using NodaTime;

namespace BillingKit.Operations.Tests.Escalations;

public class EscalationTests
{
    [Theory]
    [InlineData(EscalationKind.RefundRequest, "support-lead", 24 * 60)]
    [InlineData(EscalationKind.Dispute, "finance", 48 * 60)]
    [InlineData(EscalationKind.ProviderSyncError, "engineering", 4 * 60)]
    [InlineData(EscalationKind.MassPaymentFailure, "engineering", 15)]
    public async Task Each_case_gets_its_route_and_SLA_from_the_default_matrix(EscalationKind kind, string route, int slaMinutes)
    {
        await using var desk = DeskFixture.Create();

        var escalation = await desk.Get<BillingKit.Operations.Escalations>().RaiseAsync(kind, "Case 42", DeskFixture.Tenant, "ticket-42", CancellationToken.None);

        Assert.Equal(route, escalation.Route);
        Assert.Equal(desk.Clock.Now, escalation.RaisedAt);
        Assert.Equal(desk.Clock.Now + Duration.FromMinutes(slaMinutes), escalation.DueAt);
        Assert.Equal(escalation, Assert.Single(((InMemoryEscalationSink)desk.Get<IEscalationSink>()).Raised));
        Assert.Contains(desk.Logs.Entries, e => e.Id.Id == 8030 && e.Message.Contains(route, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_matrix_is_configurable()
    {
        await using var desk = DeskFixture.Create(o => o.Escalations.Rules[EscalationKind.Dispute] = new EscalationRule { Route = "disputes-team", Sla = TimeSpan.FromHours(12) });

        var escalation = await desk.Get<BillingKit.Operations.Escalations>().RaiseAsync(EscalationKind.Dispute, "Dispute dp_1 opened", DeskFixture.Tenant, null, CancellationToken.None);

        Assert.Equal("disputes-team", escalation.Route);
        Assert.Equal(desk.Clock.Now + Duration.FromHours(12), escalation.DueAt);
    }
}
