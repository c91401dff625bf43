using BillingKit.TestUtilities;
using System.Net;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;
using BillingKit.TestUtilities.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Stripe.Tests;

public class StripeRegistrationTests
{
    private const string TestKey = "sk_test_51BillingKitTestKey0000";
    private const string LiveKey = "sk_live_51BillingKitLiveKey0000";

    private static ServiceProvider Build(Action<IBillingKitBuilder> configure, StubHttpHandler? handler = null, params string[] accounts)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(FakeClock.AtNewYear2026());
        var builder = services.AddBillingKitCore();
        configure(builder);
        if (handler is not null)
        {
            foreach (var account in accounts.DefaultIfEmpty("default"))
            {
                services.AddHttpClient(StripeBillingKitBuilderExtensions.HttpClientName(account)).ConfigurePrimaryHttpMessageHandler(() => handler);
            }
        }

        return services.BuildServiceProvider();
    }

    private static void ValidateOnStart(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public async Task AddStripe_registers_the_account_in_the_registry_with_its_http_client()
    {
        var handler = new StubHttpHandler { Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, StripeContract.Instance.FixtureJson("customer")) };
        using var provider = Build(b => b.AddStripe(o => o.SecretKey = TestKey), handler);
        ValidateOnStart(provider);
        var registry = provider.GetRequiredService<IPaymentProviderRegistry>();

        var stripe = registry.GetProvider(ProviderName.Stripe);
        var customer = await stripe.GetCustomerAsync("cus_1");

        Assert.Equal("cus_OXcFxIWwNJmgIO", customer.ProviderCustomerId);
        Assert.Equal("https://api.stripe.com/v1/customers/cus_1", Assert.Single(handler.Requests).Uri.ToString());
        Assert.Same(stripe, registry.GetProvider(ProviderName.Stripe, "default"));
        Assert.IsType<OfflinePaymentProvider>(registry.GetProvider(ProviderName.Offline));
        Assert.Equal(ProviderName.Stripe, registry.GetWebhookParser(ProviderName.Stripe).Provider);
    }

    [Fact]
    public async Task Several_accounts_use_their_own_keys_and_base_addresses()
    {
        var handler = new StubHttpHandler { Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, StripeContract.Instance.FixtureJson("customer")) };
        using var provider = Build(
            b => b.AddStripe(o => o.SecretKey = TestKey)
                  .AddStripe("eu", o =>
                  {
                      o.SecretKey = "rk_test_51BillingKitEuKey00000";
                      o.BaseAddress = new Uri("http://127.0.0.1:12111/");
                  }),
            handler,
            "default",
            "eu");
        ValidateOnStart(provider);
        var registry = provider.GetRequiredService<IPaymentProviderRegistry>();

        await registry.GetProvider(ProviderName.Stripe).GetCustomerAsync("cus_1");
        await registry.GetProvider(ProviderName.Stripe, "eu").GetCustomerAsync("cus_2");

        Assert.Equal("Bearer " + TestKey, handler.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer rk_test_51BillingKitEuKey00000", handler.Requests[1].Header("Authorization"));
        Assert.Equal("http://127.0.0.1:12111/v1/customers/cus_2", handler.Requests[1].Uri.ToString());
        Assert.Equal(
            new[] { "offline/default", "stripe/default", "stripe/eu" },
            registry.Registrations.Select(r => r.Provider + "/" + r.Account).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Calling_AddStripe_twice_for_one_account_registers_it_once()
    {
        using var provider = Build(b => b.AddStripe(o => o.SecretKey = TestKey).AddStripe());

        Assert.Single(provider.GetRequiredService<IPaymentProviderRegistry>().Registrations, r => r.Provider == ProviderName.Stripe);
    }

    [Fact]
    public void An_unregistered_provider_or_account_is_a_typed_exception_naming_what_is_registered()
    {
        using var provider = Build(b => b.AddStripe(o => o.SecretKey = TestKey));
        var registry = provider.GetRequiredService<IPaymentProviderRegistry>();

        var ex = Assert.Throws<ProviderNotRegisteredException>(() => registry.GetProvider(ProviderName.Paystack));
        var account = Assert.Throws<ProviderNotRegisteredException>(() => registry.GetProvider(ProviderName.Stripe, "eu"));

        Assert.Contains("stripe/default", ex.Message);
        Assert.Contains("AddPaystack", ex.Message);
        Assert.Equal("eu", account.Account);
    }

    [Theory]
    [InlineData(LiveKey, false, "live key")]
    [InlineData(TestKey, true, "test key")]
    [InlineData("pk_test_51BillingKitPublishable0", false, "publishable key")]
    [InlineData("", false, "missing")]
    public void Start_up_refuses_a_wrong_key_for_the_environment(string key, bool liveMode, string expected)
    {
        using var provider = Build(b => b.AddStripe(o =>
        {
            o.SecretKey = key;
            o.LiveMode = liveMode;
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(provider));

        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'default'", ex.Message);
        if (key.Length > 12)
        {
            Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_live_key_is_accepted_in_live_mode()
    {
        using var provider = Build(b => b.AddStripe(o =>
        {
            o.SecretKey = LiveKey;
            o.LiveMode = true;
        }));

        ValidateOnStart(provider);
    }

    [Fact]
    public void Start_up_refuses_a_webhook_secret_that_is_not_whsec_and_never_prints_it()
    {
        using var provider = Build(b => b.AddStripe(o =>
        {
            o.SecretKey = TestKey;
            o.WebhookSecrets.Add("whsec_valid_secret_1234");
            o.WebhookSecrets.Add("sk_test_pasted_by_mistake_999");
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(provider));

        Assert.Contains("WebhookSecrets[1]", ex.Message);
        Assert.DoesNotContain("pasted_by_mistake", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_refuses_plain_http_to_a_remote_host_and_out_of_range_settings()
    {
        using var provider = Build(b => b.AddStripe(o =>
        {
            o.SecretKey = TestKey;
            o.BaseAddress = new Uri("http://api.stripe.com/");
            o.MaxRetries = 50;
            o.WebhookTolerance = TimeSpan.Zero;
            o.Currencies.Add("UGX");
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(provider));

        Assert.Contains("BaseAddress", ex.Message);
        Assert.Contains("MaxRetries", ex.Message);
        Assert.Contains("WebhookTolerance", ex.Message);
        Assert.Contains("UGX", ex.Message);
    }

    [Fact]
    public void Options_never_print_their_secrets()
    {
        var options = new StripeOptions { SecretKey = LiveKey };
        options.WebhookSecrets.Add("whsec_abcdefghijklmnop");

        var text = options.ToString();

        Assert.DoesNotContain("51BillingKit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnop", text, StringComparison.Ordinal);
        Assert.Contains("sk_live_***", text, StringComparison.Ordinal);
    }
}
