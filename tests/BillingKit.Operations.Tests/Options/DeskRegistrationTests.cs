using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations.Tests.Options;

public class DeskRegistrationTests
{
    [Fact]
    public async Task The_desk_works_without_logging_and_registering_twice_is_harmless()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddDeskFoundation(o => o.PayLinks.SigningKey = DeskFixture.SigningKey).AddDeskFoundation();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var link = await provider.GetRequiredService<PayLinkDesk>().IssueAsync(DeskFixture.Request(DeskFixture.Finance, "Invoice sent"), InvoiceId.From("inv_1"));

        Assert.Equal(PayLinkStatus.Valid, (await provider.GetRequiredService<PayLinkDesk>().VerifyAsync(link.Token)).Status);
        Assert.Single(services, d => d.ServiceType == typeof(IAuditLog));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<BillingDeskOptions>));
    }

    [Fact]
    public void A_hosts_own_stores_and_sink_win_and_a_later_AddLogging_is_used()
    {
        var sink = new InMemoryEscalationSink();
        var audit = new InMemoryAuditLog();
        var services = new ServiceCollection();
        services.AddSingleton<IEscalationSink>(sink);
        services.AddSingleton<IAuditLog>(audit);
        services.AddBillingKitCore().AddDeskFoundation();
        services.AddLogging();
        using var provider = services.BuildServiceProvider();

        Assert.Same(sink, provider.GetRequiredService<IEscalationSink>());
        Assert.Same(audit, provider.GetRequiredService<IAuditLog>());
        Assert.IsType<Logger<DeskActionRunner>>(provider.GetRequiredService<ILogger<DeskActionRunner>>());
        Assert.IsType<InMemoryUnitOfWorkFactory>(provider.GetRequiredService<IUnitOfWorkFactory>());
    }
}
