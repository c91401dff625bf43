using BillingKit.Providers;
using BillingKit.TestUtilities;
using BillingKit.TestUtilities.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace BillingKit.Paystack.Tests.Infrastructure;

/// <summary>A Paystack account wired through the real DI registration, with a stub handler instead of the network.</summary>
public sealed class PaystackFixture : IDisposable
{
    public const string SecretKey = "sk_test_0123456789abcdef0123456789abcdef01234567";

    private static readonly Lazy<OpenApiContract> SpecLazy = new(() => OpenApiContract.Load("paystack.trimmed.json"));

    private readonly ProviderTestHost _host;

    public PaystackFixture(Action<PaystackOptions>? configure = null) =>
        _host = new ProviderTestHost("BillingKit.Paystack.default", billing => billing.AddPaystack(o =>
        {
            o.SecretKey = SecretKey;
            o.BaseAddress = new Uri("https://api.paystack.test/");
            o.RetryBaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    public static OpenApiContract Spec => SpecLazy.Value;

    public FakeClock Clock => _host.Clock;

    public StubHttpHandler Handler => _host.Handler;

    public CapturingLoggerProvider Logs => _host.Logs;

    public IPaymentProviderRegistry Registry => _host.Registry;

    public PaystackPaymentProvider Provider => (PaystackPaymentProvider)Registry.GetProvider(ProviderName.Paystack);

    public IWebhookParser Webhooks => Registry.GetWebhookParser(ProviderName.Paystack);

    /// <summary>A success envelope built from a response schema of the spec, with the test's values laid over it.</summary>
    /// <remarks>The result is checked against the schema again, so a test cannot invent a field Paystack does not
    /// document or give one another type.</remarks>
    public static string Response(string schemaName, string overlayJson)
    {
        var json = SchemaExample.Build(Spec, schemaName, overlayJson).ToJsonString();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var problems = Spec.CheckValue(document.RootElement, "#/components/schemas/" + schemaName);
        Assert.True(problems.Count == 0, "The fixture does not match the spec:\n" + string.Join("\n", problems));
        return json;
    }

    /// <summary>Every request the adapter sent to Paystack must be valid for the spec.</summary>
    public void AssertRequestsMatchSpec()
    {
        Assert.NotEmpty(Handler.Requests);
        var problems = _host.ContractProblems(Spec, "api.paystack.test");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public void Dispose() => _host.Dispose();
}
