using BillingKit.Flutterwave.Tests.Infrastructure;
using BillingKit.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingKit.Flutterwave.Tests;

public sealed class FlutterwaveOptionsTests
{
    private static OptionsValidationException StartUpFails(Action<FlutterwaveOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddFlutterwave(configure);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<FlutterwaveOptions>>().Get("default"));
    }

    [Fact]
    public void A_live_key_in_a_test_environment_is_refused_without_echoing_the_key()
    {
        const string Live = "FLWSECK-7f3c00000000000000000000000000aa-X";

        var error = StartUpFails(o => o.SecretKey = Live);

        Assert.Contains("LiveMode", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Live, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FLWPUBK_TEST-0000000000000000-X")]
    [InlineData("sk_test_0000000000")]
    public void A_missing_or_malformed_key_is_refused(string key) =>
        Assert.Contains("SecretKey", StartUpFails(o => o.SecretKey = key).Message, StringComparison.Ordinal);

    [Fact]
    public void A_test_key_in_live_mode_is_refused() =>
        Assert.Contains("test secret key", StartUpFails(o => { o.SecretKey = FlutterwaveFixture.SecretKey; o.LiveMode = true; }).Message, StringComparison.Ordinal);

    [Fact]
    public void Unsupported_currencies_a_bad_country_and_empty_secret_hashes_are_refused()
    {
        var error = StartUpFails(o =>
        {
            o.SecretKey = FlutterwaveFixture.SecretKey;
            o.Currencies.Add("KWD");
            o.Country = "nigeria";
            o.WebhookSecretHashes.Add(" ");
        });

        Assert.Contains("KWD", error.Message, StringComparison.Ordinal);
        Assert.Contains("Country", error.Message, StringComparison.Ordinal);
        Assert.Contains("WebhookSecretHashes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_live_configuration_starts()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddFlutterwave("kenya", o => { o.SecretKey = "FLWSECK-0123456789abcdef-X"; o.LiveMode = true; o.Country = "KE"; });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<FlutterwaveOptions>>().Get("kenya");
        var registry = provider.GetRequiredService<IPaymentProviderRegistry>();

        Assert.True(options.LiveMode);
        Assert.Equal("kenya", registry.GetProvider(ProviderName.Flutterwave, "kenya").Account);
        Assert.DoesNotContain("0123456789abcdef", options.ToString(), StringComparison.Ordinal);
    }
}
