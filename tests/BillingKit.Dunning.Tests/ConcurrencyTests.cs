namespace BillingKit.Dunning.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Many_tenants_failing_paying_and_being_processed_at_once_keep_consistent_records()
    {
        using var desk = new Desk();
        var tenants = Enumerable.Range(0, 40).Select(i => TenantId.From($"ten_{i}")).ToList();
        await Task.WhenAll(tenants.Select(t => desk.Service.EnrollAsync(t).AsTask()));
        var start = desk.Now;

        await Task.WhenAll(tenants.Select(t => Task.Run(async () =>
        {
            await desk.Service.ApplyAsync(t, new PaymentFailed(start, "insufficient_funds"));
            await desk.Service.ApplyAsync(t, new PaymentFailed(start, "insufficient_funds")); // duplicate webhook
        })).Append(Task.Run(async () => await desk.Processor.RunDueAsync(start + NodaTime.Duration.FromDays(8)))));

        desk.Clock.Set(start + NodaTime.Duration.FromDays(8));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await desk.RunProcessor())));

        foreach (var tenant in tenants)
        {
            var snapshot = await desk.Service.GetAsync(tenant);
            Assert.Equal(DunningState.Degraded, snapshot.State);
            Assert.Equal(1, snapshot.RetriesAttempted); // four concurrent runs, one charge request
            Assert.Equal([DunningState.PastDue, DunningState.Degraded], (await desk.Service.GetTransitionsAsync(tenant)).Select(t => t.To));
        }
    }
}
