using BillingKit;
using BillingKit.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ledger.</summary>
public static class LedgerBillingKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="LedgerService"/> and the in-memory <see cref="ILedgerStore"/> (unless a store, such as
    /// PostgreSQL, is already registered), with options validated at start-up. Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>services.AddBillingKitCore()</c> or <c>AddBillingKit()</c>.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddLedger(this IBillingKitBuilder builder, Action<LedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<LedgerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>());
        services.TryAddSingleton<ILedgerStore, InMemoryLedgerStore>();
        services.TryAddSingleton<LedgerService>();
        return builder;
    }
}
