using BillingKit.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Registers the desk's foundation (authorization, audit log, approvals, escalations, pay links, provider health,
/// policies, options) for <c>AddBillingKit()</c> to call. Every registration is <c>TryAdd*</c>: a host's own store
/// or sink registered first wins, and calling it twice is harmless. Logging is optional: without a registered
/// <see cref="ILogger{TCategoryName}"/> the desk logs nothing (it never registers a logger of its own, so a host's
/// <c>AddLogging()</c> wins whether it comes before or after).
/// </summary>
internal static class DeskFoundationRegistration
{
    public static IBillingKitBuilder AddDeskFoundation(this IBillingKitBuilder builder, Action<BillingDeskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<BillingDeskOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BillingDeskOptions>, BillingDeskOptionsValidator>());

        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        services.TryAddSingleton<ICreditApprovalStore, InMemoryCreditApprovalStore>();
        services.TryAddSingleton<IPayLinkRevocationStore, InMemoryPayLinkRevocationStore>();
        services.TryAddSingleton<IEscalationSink, InMemoryEscalationSink>();

        services.TryAddSingleton<DeskActionRunner>();
        services.TryAddSingleton<CreditApprovals>();
        services.TryAddSingleton<Escalations>();
        services.TryAddSingleton<MassPaymentFailureMonitor>();
        services.TryAddSingleton<DeskPolicies>();
        services.TryAddSingleton(sp => new ProviderHealthMonitor(
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<BillingDeskOptions>>(),
            sp.GetService<ILogger<ProviderHealthMonitor>>() ?? NullLogger<ProviderHealthMonitor>.Instance));
        services.TryAddSingleton(sp => new DeskPaymentProviders(
            sp.GetRequiredService<IPaymentProviderRegistry>(),
            sp.GetRequiredService<ProviderHealthMonitor>()));
        services.TryAddSingleton(sp => new PayLinkDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<IPayLinkRevocationStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<BillingDeskOptions>>(),
            sp.GetService<ILogger<PayLinkDesk>>() ?? NullLogger<PayLinkDesk>.Instance));
        services.TryAddSingleton(sp => new CreditApprovalDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<CreditApprovals>(),
            sp.GetRequiredService<ICreditApprovalStore>()));
        return builder;
    }
}
