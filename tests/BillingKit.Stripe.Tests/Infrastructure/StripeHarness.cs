using BillingKit.TestUtilities;
using System.Net;
using System.Text.Json.Nodes;
using BillingKit.TestUtilities.Providers;

namespace BillingKit.Stripe.Tests.Infrastructure;

/// <summary>A Stripe provider wired to a stub handler, with retries that do not wait.</summary>
public sealed class StripeHarness
{
    public const string TestKey = "sk_test_51BillingKitTestKey0000";

    public StripeHarness(Action<StripeOptions>? configure = null)
    {
        Options = new StripeOptions { SecretKey = TestKey, RetryBaseDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };
        configure?.Invoke(Options);
        Handler = new StubHttpHandler { ResponseHeaders = { ["Request-Id"] = "req_test123" } };
        Logger = new CapturingLoggerProvider();
        Clock = FakeClock.AtNewYear2026();
        Provider = new StripePaymentProvider("default", Options, () => new HttpClient(Handler, disposeHandler: false) { BaseAddress = new Uri("https://api.stripe.test/") }, Clock, Logger.CreateLogger("BillingKit.Stripe"));
    }

    public StripeOptions Options { get; }

    public StubHttpHandler Handler { get; }

    public CapturingLoggerProvider Logger { get; }

    internal StripePaymentProvider Provider { get; }

    public FakeClock Clock { get; }

    /// <summary>Answers every request with the published example object of the resource at its path.</summary>
    public StripeHarness AnswerWithFixtures(Func<string, JsonObject, JsonObject>? adjust = null)
    {
        var contract = StripeContract.Instance;
        Handler.Fallback = request =>
        {
            var resource = ResourceAt(request.Path);
            var json = resource switch
            {
                "customer_list" => List("list", "/v1/customers", contract.Fixture("customer")),
                "payment_intent_search" => List("search_result", "/v1/payment_intents/search", contract.Fixture("payment_intent")),
                _ => contract.Fixture(resource),
            };
            return StubHttpHandler.Json(HttpStatusCode.OK, (adjust?.Invoke(resource, json) ?? json).ToJsonString());
        };
        return this;
    }

    public static JsonObject List(string kind, string url, params JsonObject[] items) => new()
    {
        ["object"] = kind,
        ["data"] = new JsonArray(items),
        ["has_more"] = false,
        ["url"] = url,
    };

    private static string ResourceAt(string path) => path switch
    {
        "/v1/customers" => "customer_list",
        "/v1/payment_intents/search" => "payment_intent_search",
        "/v1/checkout/sessions" => "checkout.session",
        _ when path.StartsWith("/v1/payment_intents", StringComparison.Ordinal) => "payment_intent",
        _ when path.StartsWith("/v1/charges/", StringComparison.Ordinal) => "charge",
        _ when path.StartsWith("/v1/refunds", StringComparison.Ordinal) => "refund",
        _ when path.StartsWith("/v1/customers/", StringComparison.Ordinal) => "customer",
        _ when path.StartsWith("/v1/disputes/", StringComparison.Ordinal) => "dispute",
        _ when path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal) => "subscription",
        _ => throw new InvalidOperationException("No fixture for " + path),
    };
}
