using BillingKit.Paystack.Tests.Infrastructure;
using BillingKit.Providers;
using BillingKit.TestUtilities.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace BillingKit.Paystack.Tests;

public sealed class PaystackOptionsTests
{
    private static OptionsValidationException StartUpFails(Action<PaystackOptions> configure, string account = "default")
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddPaystack(account, configure);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<PaystackOptions>>().Get(account));
    }

    [Fact]
    public void A_live_key_in_a_test_environment_is_refused_without_echoing_the_key()
    {
        const string Live = "sk_live_7f3c0000000000000000000000000000000000aa";

        var error = StartUpFails(o => o.SecretKey = Live);

        Assert.Contains("LiveMode", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Live, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pk_test_0000000000000000")]
    [InlineData("sk_test_ with space")]
    public void A_missing_or_malformed_key_is_refused(string key) =>
        Assert.Contains("SecretKey", StartUpFails(o => o.SecretKey = key).Message, StringComparison.Ordinal);

    [Fact]
    public void A_test_key_in_live_mode_is_refused() =>
        Assert.Contains("test secret key", StartUpFails(o => { o.SecretKey = PaystackFixture.SecretKey; o.LiveMode = true; }).Message, StringComparison.Ordinal);

    [Fact]
    public void Currencies_Paystack_does_not_support_and_plain_http_are_refused()
    {
        var error = StartUpFails(o =>
        {
            o.SecretKey = PaystackFixture.SecretKey;
            o.Currencies.Add("EUR");
            o.BaseAddress = new Uri("http://api.paystack.co/");
        });

        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_hides_the_secret_key()
    {
        var options = new PaystackOptions { SecretKey = PaystackFixture.SecretKey };

        Assert.DoesNotContain(PaystackFixture.SecretKey, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_accounts_are_registered_by_name_each_with_its_own_key_and_currencies()
    {
        var handler = new StubHttpHandler
        {
            Fallback = _ => StubHttpHandler.Json(System.Net.HttpStatusCode.OK, PaystackFixture.Response("VerifyResponse", """{"data": {"status": "success", "reference": "r", "amount": 1, "currency": "GHS"}}""")),
        };
        var services = new ServiceCollection();
        services.AddBillingKitCore()
            .AddPaystack("nigeria", o => { o.SecretKey = "sk_test_nigeria000000000000000000000000000000"; o.Currencies.Clear(); o.Currencies.Add("NGN"); })
            .AddPaystack("ghana", o => { o.SecretKey = "sk_test_ghana00000000000000000000000000000000"; o.Currencies.Clear(); o.Currencies.Add("GHS"); });
        foreach (var name in new[] { "BillingKit.Paystack.nigeria", "BillingKit.Paystack.ghana" })
        {
            services.Configure<HttpClientFactoryOptions>(name, o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = handler));
        }

        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IPaymentProviderRegistry>();
        var nigeria = registry.GetProvider(ProviderName.Paystack, "nigeria");
        var ghana = registry.GetProvider(ProviderName.Paystack, "ghana");
        await nigeria.GetPaymentAsync("r");
        await ghana.GetPaymentAsync("r");

        Assert.Equal("Bearer sk_test_nigeria000000000000000000000000000000", handler.Requests[0].Authorization);
        Assert.Equal("Bearer sk_test_ghana00000000000000000000000000000000", handler.Requests[1].Authorization);
        Assert.True(nigeria.SupportsCurrency(Currency.NGN));
        Assert.False(nigeria.SupportsCurrency(Currency.GHS));
        Assert.Equal("ghana", registry.GetWebhookParser(ProviderName.Paystack, "ghana").Account);
        Assert.Throws<ProviderNotRegisteredException>(() => registry.GetProvider(ProviderName.Paystack));
    }
}
