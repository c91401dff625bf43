using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Dunning.Tests;

/// <summary>A billing desk over the embedded store, wired the way a host wires it.</summary>
internal sealed class Desk : IDisposable
{
    private readonly ServiceProvider _provider;

    public Desk(Action<DunningOptions>? configure = null)
    {
        Clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddBillingKitCore().AddDunning(configure);
        _provider = services.BuildServiceProvider(validateScopes: true);
        _provider.GetRequiredService<IStartupValidator>().Validate();
        Service = _provider.GetRequiredService<DunningService>();
        Processor = _provider.GetRequiredService<DunningProcessor>();
        Units = _provider.GetRequiredService<IUnitOfWorkFactory>();
        Store = _provider.GetRequiredService<IDunningStore>();
    }

    public static Actor Admin { get; } = new("ada", BillingRole.BillingAdmin, "Ada (billing)");

    public FakeClock Clock { get; }

    public DunningService Service { get; }

    public DunningProcessor Processor { get; }

    public IUnitOfWorkFactory Units { get; }

    public IDunningStore Store { get; }

    public Instant Now => Clock.Now;

    public ValueTask<DunningDecision> Fail(TenantId tenant, string code, int attempt = 1) => Service.ApplyAsync(tenant, new PaymentFailed(Now, code, attempt));

    public ValueTask<DunningDecision> Pay(TenantId tenant) => Service.ApplyAsync(tenant, new PaymentSucceeded(Now));

    public ValueTask<IReadOnlyList<DunningDecision>> RunProcessor() => Processor.RunDueAsync(Now);

    public async ValueTask<DunningState> StateOf(TenantId tenant) => (await Service.GetAsync(tenant)).State;

    public void Dispose() => _provider.Dispose();
}
