using BillingKit.Providers;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace BillingKit.Core.Tests.Providers;

public class PaymentProviderRegistryTests
{
    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private static PaymentProviderRegistration Offline(string account, Action? created = null) =>
        new(ProviderName.Offline, account, _ =>
        {
            created?.Invoke();
            return new OfflinePaymentProvider(FakeClock.AtNewYear2026(), account);
        });

    [Fact]
    public void A_provider_is_found_by_name_and_account_and_created_once()
    {
        var creations = 0;
        var registry = new PaymentProviderRegistry([Offline("default", () => creations++), Offline("branch-2")], new NoServices());

        var first = registry.GetProvider(ProviderName.Offline);
        var again = registry.GetProvider(ProviderName.Offline, "default");
        var branch = registry.GetProvider(ProviderName.Offline, "branch-2");

        Assert.Same(first, again);
        Assert.Equal("branch-2", branch.Account);
        Assert.Equal(1, creations);
    }

    [Fact]
    public void The_first_registration_of_a_provider_and_account_wins()
    {
        var registry = new PaymentProviderRegistry([Offline("default"), Offline("default")], new NoServices());

        Assert.Single(registry.Registrations);
    }

    [Fact]
    public void An_unregistered_provider_is_a_typed_exception_listing_what_is_registered()
    {
        var registry = new PaymentProviderRegistry([Offline("default")], new NoServices());

        var ex = Assert.Throws<ProviderNotRegisteredException>(() => registry.GetProvider(ProviderName.Stripe, "eu"));

        Assert.Equal(ProviderName.Stripe, ex.Provider);
        Assert.Equal("eu", ex.Account);
        Assert.Contains("offline/default", ex.Message);
        Assert.Contains("AddStripe", ex.Message);
        Assert.False(registry.TryGetProvider(ProviderName.Stripe, null, out _));
    }

    [Fact]
    public void A_provider_without_webhooks_has_no_parser()
    {
        var registry = new PaymentProviderRegistry([Offline("default")], new NoServices());

        var ex = Assert.Throws<ProviderNotRegisteredException>(() => registry.GetWebhookParser(ProviderName.Offline));

        Assert.Contains("no webhooks", ex.Message);
    }

    [Fact]
    public async Task Concurrent_lookups_share_one_instance()
    {
        var creations = 0;
        var registry = new PaymentProviderRegistry([Offline("default", () => Interlocked.Increment(ref creations))], new NoServices());

        var found = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => registry.GetProvider(ProviderName.Offline))));

        Assert.All(found, p => Assert.Same(found[0], p));
        Assert.Equal(1, creations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    public void An_invalid_account_name_is_refused(string account) =>
        Assert.Throws<ArgumentException>(() => Offline(account));

    [Fact]
    public void AddPaymentProviders_registers_the_registry_and_the_offline_provider_once()
    {
        var services = new ServiceCollection();
        var builder = services.AddBillingKitCore();

        builder.AddPaymentProviders().AddPaymentProviders();

        Assert.Single(services, d => d.ServiceType == typeof(IPaymentProviderRegistry));
        Assert.Single(services, d => d.ServiceType == typeof(PaymentProviderRegistration));
    }
}
