using BillingKit.Storage;

namespace BillingKit.Core.Tests;

public class InMemoryUnitOfWorkTests
{
    private static readonly TenantId Acme = TenantId.From("acme");
    private readonly InMemoryUnitOfWorkFactory _factory = new();

    [Fact]
    public async Task Staged_changes_apply_on_commit_and_not_before()
    {
        var applied = new List<string>();
        await using var unit = InMemoryUnitOfWork.From(await _factory.BeginAsync(Acme));
        unit.OnCommit(() => applied.Add("first"));
        unit.OnCommit(() => applied.Add("second"));

        Assert.Empty(applied);
        await unit.CommitAsync();

        Assert.Equal(["first", "second"], applied);
        Assert.True(unit.IsCommitted);
        Assert.Throws<InvalidOperationException>(() => unit.OnCommit(() => { }));
    }

    [Fact]
    public async Task Disposing_without_commit_discards_everything()
    {
        var applied = false;
        var announced = false;
        await using (var unit = InMemoryUnitOfWork.From(await _factory.BeginAsync(Acme)))
        {
            unit.OnCommit(() => applied = true);
            unit.OnCommitted(() => announced = true);
        }

        Assert.False(applied);
        Assert.False(announced);
    }

    [Fact]
    public async Task Commit_callbacks_run_after_every_change_applied_in_order_and_before_the_tenants_next_unit()
    {
        var events = new List<string>();
        ITenantUnitOfWork unit = await _factory.BeginAsync(Acme);
        await using (unit)
        {
            unit.OnCommitted(() => events.Add("published"));
            InMemoryUnitOfWork.From(unit).OnCommit(() => events.Add("applied"));
            unit.OnCommitted(() => events.Add("published again"));
            Assert.Empty(events);

            await unit.CommitAsync();

            Assert.Equal(["applied", "published", "published again"], events);
            Assert.Throws<InvalidOperationException>(() => unit.OnCommitted(() => { }));
        }

        await using var next = await _factory.BeginAsync(Acme);
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public async Task Units_for_one_tenant_run_one_at_a_time_and_other_tenants_are_not_held_up()
    {
        var first = await _factory.BeginAsync(Acme);
        var second = _factory.BeginAsync(Acme).AsTask();
        await using var other = await _factory.BeginAsync(TenantId.From("globex")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Acme, next.Tenant);
    }

    [Fact]
    public async Task Pending_state_is_private_to_the_unit()
    {
        var key = new object();
        await using (var unit = InMemoryUnitOfWork.From(await _factory.BeginAsync(Acme)))
        {
            unit.GetOrAddPending(key, () => new List<int>()).Add(1);
            Assert.Single(unit.GetOrAddPending(key, () => new List<int>()));
        }

        await using var later = InMemoryUnitOfWork.From(await _factory.BeginAsync(Acme));
        Assert.Empty(later.GetOrAddPending(key, () => new List<int>()));
    }

    [Fact]
    public async Task A_unit_needs_a_tenant() =>
        await Assert.ThrowsAsync<ArgumentException>(async () => await _factory.BeginAsync(default));
}
