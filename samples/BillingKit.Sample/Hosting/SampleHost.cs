using BillingKit.Invoicing;
using BillingKit.Sample.Seeding;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// One run of the sample: BillingKit registered in a service container over the embedded in-memory store, the
/// simulated clock, the seeded book and the simulated card network. Built fresh for every command.
/// </summary>
internal sealed class SampleHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SampleHost(ServiceProvider services, SimulatedClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public IServiceProvider Services => _services;

    public SimulatedClock Clock { get; }

    public SampleBook Book { get; } = new();

    public SimulatedCardNetwork Cards { get; } = new();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The PostgreSQL schema this run uses, or <see langword="null"/> for the embedded in-memory store.</summary>
    public string? PostgreSqlSchema { get; private init; }

    /// <summary>Registers BillingKit the way a host application does, with the sample's clock and plans.</summary>
    /// <param name="start">Where the simulated clock starts.</param>
    /// <param name="postgres">A PostgreSQL connection string, or <see langword="null"/> for the embedded in-memory store.</param>
    public static SampleHost Create(Instant start, string? postgres = null)
    {
        var clock = new SimulatedClock(start);
        var services = new ServiceCollection();

        // The host's clock wins over BillingKit's SystemClock default (registered with TryAdd).
        services.AddSingleton<IClock>(clock);
        var builder = services.AddBillingKitCore();
        builder
            .AddLedger()
            .AddDunning()
            .AddEntitlements(o =>
            {
                foreach (var plan in SampleCatalog.Plans)
                {
                    o.Plans.Add(plan);
                }
            })
            .AddInvoicing(o => o.ManualPaymentInstructions = SampleCatalog.ManualPaymentInstructions)
            .AddInvoicePdf(o => o.CultureName = "en-US");

        // Every run seeds a new book, so with PostgreSQL each run gets a schema of its own (created by the migrations)
        // and never touches existing data; the schema is printed so it can be inspected (and dropped) afterwards.
        string? schema = null;
        if (postgres is not null)
        {
            schema = "billingkit_sample_" + Guid.NewGuid().ToString("N")[..12];
            builder.UsePostgreSql(o =>
            {
                o.ConnectionString = postgres;
                o.Schema = schema;
            });
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new SampleHost(provider, clock) { PostgreSqlSchema = schema };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
