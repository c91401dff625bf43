using System.Security.Cryptography;
using BillingKit.Operations;
using BillingKit.Providers;
using BillingKit.Sample.Seeding;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// One run of the sample: BillingKit registered in a service container the way a host application does it
/// (<c>AddBillingKit</c> over the embedded in-memory stores, or PostgreSQL), with the simulated clock, the sample's
/// plans, a simulated card provider, and the seeded book. Built fresh for every command.
/// </summary>
internal sealed class SampleHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SampleHost(ServiceProvider services, SimulatedClock clock, SimulatedCardProvider cards)
    {
        _services = services;
        Clock = clock;
        Cards = cards;
    }

    public IServiceProvider Services => _services;

    public SimulatedClock Clock { get; }

    public SampleBook Book { get; } = new();

    public SimulatedCardProvider Cards { get; }

    /// <summary>The PostgreSQL schema this run uses, or <see langword="null"/> for the embedded in-memory store.</summary>
    public string? PostgreSqlSchema { get; private init; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Registers BillingKit the way a host application does, with the sample's clock, plans and card provider.</summary>
    /// <param name="start">Where the simulated clock starts.</param>
    /// <param name="postgres">A PostgreSQL connection string, or <see langword="null"/> for the embedded in-memory store.</param>
    public static SampleHost Create(Instant start, string? postgres = null)
    {
        var clock = new SimulatedClock(start);
        var cards = new SimulatedCardProvider(clock);
        var services = new ServiceCollection();

        // The host's clock wins over BillingKit's SystemClock default (BillingKit registers it with TryAdd).
        services.AddSingleton<IClock>(clock);

        // The sample's card processor, registered as a payment provider like the Stripe, Paystack and Flutterwave
        // adapters are; the desk refunds through it and the host reports its outcomes as provider events.
        services.AddSingleton(new PaymentProviderRegistration(SimulatedCardProvider.Name, PaymentProviderRegistration.DefaultAccount, _ => cards));

        var builder = services.AddBillingKit(o =>
        {
            foreach (var plan in SampleCatalog.Plans)
            {
                o.Entitlements.Plans.Add(plan);
            }

            o.Invoicing.ManualPaymentInstructions = SampleCatalog.ManualPaymentInstructions;

            // Sample only: pay links need a signing key, and the sample makes a fresh random one at start-up. Its links
            // live as long as the run, like the seeded book. A real host loads its key (base64 of 32 random bytes,
            // e.g. from 'openssl rand -base64 32') from configuration or a secret store, keeps it across restarts so
            // links already sent still verify, and rotates it through PayLinks.PreviousSigningKeys.
            o.Desk.PayLinks.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PayLinkOptions.MinimumKeyBytes));
        });
        builder.AddInvoicePdf(o => o.CultureName = "en-US");

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
        return new SampleHost(provider, clock, cards) { PostgreSqlSchema = schema };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
