namespace BillingKit.Operations.Tests.Audit;

public class DeskActionRunnerTests
{
    private static readonly DeskAction NoteAdd = new("note.add", DeskPermission.AddNote);

    [Fact]
    public async Task A_refused_action_is_recorded_with_its_outcome_target_amount_and_details()
    {
        await using var desk = DeskFixture.Create();

        var result = await desk.RunAsync("refund.issue", DeskPermission.IssueRefund, DeskFixture.Request(DeskFixture.Finance, "Customer asks for a refund"), (scope, _) =>
        {
            scope.Target = "pay_2001";
            scope.Amount = Money.FromMajor(80m, Currency.USD);
            scope.Outcome = AuditOutcome.Refused;
            scope.Details["policy.rule"] = "refund.above-refundable";
            return ValueTask.FromResult("refused");
        });

        Assert.Equal("refused", result);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal(AuditOutcome.Refused, record.Outcome);
        Assert.Equal("pay_2001", record.Target);
        Assert.Equal(Money.FromMajor(80m, Currency.USD), record.Amount);
        Assert.Equal("refund.above-refundable", record.Details["policy.rule"]);
        Assert.Equal(desk.Clock.Now, record.At);
    }

    [Fact]
    public async Task A_failing_action_writes_nothing_not_even_its_audit_record()
    {
        await using var desk = DeskFixture.Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            desk.RunAsync<int>("note.add", DeskPermission.AddNote, DeskFixture.Request(DeskFixture.Support), (_, _) => throw new InvalidOperationException("provider down")));

        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task A_denied_action_never_runs_its_body()
    {
        await using var desk = DeskFixture.Create();
        var ran = false;

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.RunAsync("refund.issue", DeskPermission.IssueRefund, DeskFixture.Request(DeskFixture.Support), (_, _) =>
            {
                ran = true;
                return ValueTask.FromResult(0);
            }));

        Assert.False(ran);
        Assert.Empty(await desk.AuditRecordsAsync());
        Assert.Contains(desk.Logs.Entries, e => e.Id.Id == 8001);
    }

    [Fact]
    public async Task In_the_callers_unit_the_record_waits_for_the_callers_commit()
    {
        await using var desk = DeskFixture.Create();
        var runner = desk.Get<DeskActionRunner>();
        await using (var unit = await desk.BeginAsync())
        {
            await runner.RunAsync(unit, NoteAdd, DeskFixture.Request(DeskFixture.Support), (_, _) => ValueTask.FromResult(1), CancellationToken.None);
            Assert.Equal(0, desk.Audit.Count);
        }

        Assert.Equal(0, desk.Audit.Count);
        await using (var unit = await desk.BeginAsync())
        {
            await runner.RunAsync(unit, NoteAdd, DeskFixture.Request(DeskFixture.Support), (_, _) => ValueTask.FromResult(1), CancellationToken.None);
            await unit.CommitAsync();
        }

        Assert.Equal(1, desk.Audit.Count);
    }

    [Fact]
    public async Task A_unit_of_another_tenant_is_refused()
    {
        await using var desk = DeskFixture.Create();
        await using var unit = await desk.BeginAsync(DeskFixture.OtherTenant);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            desk.Get<DeskActionRunner>().RunAsync(unit, NoteAdd, DeskFixture.Request(DeskFixture.Support), (_, _) => ValueTask.FromResult(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_hosts_correlation_id_is_kept()
    {
        await using var desk = DeskFixture.Create();

        await desk.RunAsync("note.add", DeskPermission.AddNote, new DeskRequest(DeskFixture.Support, DeskFixture.Tenant, "Called", "ticket-4711"), (_, _) => ValueTask.FromResult(1));

        Assert.Equal("ticket-4711", Assert.Single(await desk.AuditRecordsAsync()).CorrelationId);
    }
}
