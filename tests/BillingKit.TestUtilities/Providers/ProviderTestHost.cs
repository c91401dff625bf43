using BillingKit.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BillingKit.TestUtilities.Providers;

/// <summary>A provider account wired through its real DI registration, with a <see cref="StubHttpHandler"/> as the
/// primary handler of its named HTTP client instead of the network, a <see cref="FakeClock"/> and captured logs.</summary>
public sealed class ProviderTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="httpClientName">The named client the adapter registers, such as "BillingKit.Paystack.default".</param>
    /// <param name="register">Registers the account, such as <c>billing => billing.AddPaystack(...)</c>.</param>
    public ProviderTestHost(string httpClientName, Action<IBillingKitBuilder> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IClock>(Clock);
        register(services.AddBillingKitCore());
        services.Configure<HttpClientFactoryOptions>(
            httpClientName,
            o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Handler));
        _services = services.BuildServiceProvider();
        Registry = _services.GetRequiredService<IPaymentProviderRegistry>();
    }

    public FakeClock Clock { get; } = FakeClock.AtNewYear2026();

    public StubHttpHandler Handler { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IPaymentProviderRegistry Registry { get; }

    /// <summary>What the spec does not allow in the requests sent so far (to <paramref name="host"/> only, when given).</summary>
    public IReadOnlyList<string> ContractProblems(OpenApiContract contract, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Handler.Requests
            .Where(r => host is null || r.Uri.Host == host)
            .SelectMany(r => contract.Check(r.Method, r.Uri, r.Body))
            .ToList();
    }

    public void Dispose() => _services.Dispose();
}
