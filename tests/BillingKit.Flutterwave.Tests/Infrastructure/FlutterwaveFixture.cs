using BillingKit.Providers;
using BillingKit.TestUtilities;
using BillingKit.TestUtilities.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace BillingKit.Flutterwave.Tests.Infrastructure;

/// <summary>A Flutterwave account wired through the real DI registration, with a stub handler instead of the network.</summary>
public sealed class FlutterwaveFixture : IDisposable
{
    public const string SecretKey = "FLWSECK_TEST-0123456789abcdef0123456789abcdef-X";
    public const string SecretHash = "my-dashboard-secret-hash";

    private static readonly Lazy<OpenApiContract> ContractLazy = new(() => OpenApiContract.Load("flutterwave-v3.contract.json"));

    private readonly ProviderTestHost _host;

    public FlutterwaveFixture(Action<FlutterwaveOptions>? configure = null) =>
        _host = new ProviderTestHost("BillingKit.Flutterwave.default", billing => billing.AddFlutterwave(o =>
        {
            o.SecretKey = SecretKey;
            o.WebhookSecretHashes.Add(SecretHash);
            o.BaseAddress = new Uri("https://api.flutterwave.test/v3/");
            o.RetryBaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    public static OpenApiContract Contract => ContractLazy.Value;

    public FakeClock Clock => _host.Clock;

    public StubHttpHandler Handler => _host.Handler;

    public CapturingLoggerProvider Logs => _host.Logs;

    public IPaymentProviderRegistry Registry => _host.Registry;

    public FlutterwavePaymentProvider Provider => (FlutterwavePaymentProvider)Registry.GetProvider(ProviderName.Flutterwave);

    public IWebhookParser Webhooks => Registry.GetWebhookParser(ProviderName.Flutterwave);

    /// <summary>A transaction as Flutterwave's verify endpoint documents it (amounts in major units).</summary>
    public static string Transaction(string status = "successful", string amount = "10.50", string currency = "NGN", long id = 288200108, string txRef = "bk_pay_42", string processor = "Approved by Financial Institution") => $$"""
        {"status": "success", "message": "Transaction fetched successfully",
         "data": {"id": {{id}}, "tx_ref": "{{txRef}}", "flw_ref": "FLW275407301", "device_fingerprint": "N/A", "amount": {{amount}}, "currency": "{{currency}}",
                  "charged_amount": {{amount}}, "app_fee": 1.4, "merchant_fee": 0, "processor_response": "{{processor}}", "auth_model": "noauth",
                  "ip": "::ffff:10.5.179.3", "narration": "CARD Transaction ", "status": "{{status}}", "payment_type": "card",
                  "created_at": "2026-01-01T14:31:16.000Z", "account_id": 17321,
                  "card": {"first_6digits": "553188", "last_4digits": "2950", "issuer": "MASTERCARD", "country": "NG", "type": "MASTERCARD", "token": "flw-t1nf-f9b3bf384cd30d6fca42b6df9d27bd2f-m03k", "expiry": "09/32"},
                  "customer": {"id": 215604089, "name": "Ada Obi", "phone_number": null, "email": "ada@example.com", "created_at": "2025-07-15T14:31:15.000Z"} } }
        """;

    public void AssertRequestsMatchContract()
    {
        Assert.NotEmpty(Handler.Requests);
        var problems = _host.ContractProblems(Contract);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public void Dispose() => _host.Dispose();
}
