using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations.Tests;

/// <summary>
/// A fresh billing desk over the embedded in-memory stores, a fake clock at 2026-01-01 and a capturing logger:
/// what every scenario test starts from. Later desk services register in <see cref="Create"/> and are found by the
/// reflection tests automatically.
/// </summary>
public sealed class DeskFixture : IAsyncDisposable
{
    /// <summary>A 32-byte test key, base64. Never use it anywhere else.</summary>
    public const string SigningKey = "dGVzdC1rZXktZm9yLXBheS1saW5rcy0wMTIzNDU2Nzg5YWJjZGVm";

    public static readonly Actor Support = new("sue.support", BillingRole.Support, "Sue");
    public static readonly Actor Finance = new("fin.finance", BillingRole.Finance, "Finn");
    public static readonly Actor OtherFinance = new("fay.finance", BillingRole.Finance, "Fay");
    public static readonly Actor BillingAdmin = new("bea.admin", BillingRole.BillingAdmin, "Bea");
    public static readonly Actor OtherBillingAdmin = new("bob.admin", BillingRole.BillingAdmin, "Bob");
    public static readonly Actor SuperAdmin = new("sam.super", BillingRole.SuperAdmin, "Sam");
    public static readonly Actor Customer = new("cus.customer", BillingRole.Customer, "Cus");

    private DeskFixture(ServiceProvider services, FakeClock clock, CapturingLoggerProvider logs)
    {
        Services = services;
        Clock = clock;
        Logs = logs;
    }

    public static TenantId Tenant { get; } = TenantId.From("ten_acme");

    public static TenantId OtherTenant { get; } = TenantId.From("ten_globex");

    public ServiceProvider Services { get; }

    public FakeClock Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public InMemoryAuditLog Audit => (InMemoryAuditLog)Services.GetRequiredService<IAuditLog>();

    public static DeskFixture Create(Action<BillingDeskOptions>? configure = null)
    {
        var clock = FakeClock.AtNewYear2026();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<ILoggerFactory>(new LoggerFactory([logs]));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddBillingKitCore().AddPaymentProviders().AddDeskFoundation(o =>
        {
            o.PayLinks.SigningKey = SigningKey;
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new DeskFixture(provider, clock, logs);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static DeskRequest Request(Actor actor, string reason = "Customer called about the March invoice", TenantId? tenant = null) =>
        new(actor, tenant ?? Tenant, reason);

    public async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync(TenantId? tenant = null)
    {
        var records = new List<AuditRecord>();
        string? token = null;
        do
        {
            var page = await Audit.QueryAsync(new AuditQuery { Tenant = tenant, PageSize = AuditQuery.MaxPageSize, PageToken = token });
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token is not null);

        records.Reverse();
        return records;
    }

    /// <summary>Runs a body as a desk action through the real runner (for arranging state such as an approval request).</summary>
    internal Task<T> RunAsync<T>(string action, DeskPermission permission, DeskRequest request, Func<DeskActionScope, CancellationToken, ValueTask<T>> body) =>
        Get<DeskActionRunner>().RunAsync(new DeskAction(action, permission), request, body, CancellationToken.None);

    public ValueTask<ITenantUnitOfWork> BeginAsync(TenantId? tenant = null) => Get<IUnitOfWorkFactory>().BeginAsync(tenant ?? Tenant);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
