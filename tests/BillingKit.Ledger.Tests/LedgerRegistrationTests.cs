using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingKit.Ledger.Tests;

public class LedgerRegistrationTests
{
    [Fact]
    public async Task AddLedger_registers_a_working_ledger_over_the_in_memory_store()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddLedger().AddLedger(o => o.MaxPageSize = 20);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<InMemoryLedgerStore>(provider.GetRequiredService<ILedgerStore>());
        Assert.IsType<InMemoryUnitOfWorkFactory>(provider.GetRequiredService<IUnitOfWorkFactory>());
        Assert.Equal(20, provider.GetRequiredService<IOptions<LedgerOptions>>().Value.MaxPageSize);
        var ledger = provider.GetRequiredService<LedgerService>();
        var tenant = TenantId.New();
        await ledger.PostChargeAsync(tenant, new ChargeRequest { IdempotencyKey = IdempotencyKey.New(), Actor = Actor.System, Amount = Money.FromMajor(1, Currency.USD), DueDate = new NodaTime.LocalDate(2026, 1, 1) });
        Assert.Equal(Money.FromMajor(1, Currency.USD), (await ledger.GetBalancesAsync(tenant, Currency.USD)).AmountDue);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddLedger(o => o.MaxPageSize = 0);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MaxPageSize", error.Message, StringComparison.Ordinal);
    }
}
