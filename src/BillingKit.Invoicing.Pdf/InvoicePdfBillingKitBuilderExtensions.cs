using BillingKit;
using BillingKit.Invoicing.Pdf;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers invoice PDF rendering.</summary>
public static class InvoicePdfBillingKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IInvoicePdfRenderer"/> (a singleton <see cref="InvoicePdfRenderer"/>) and
    /// <see cref="InvoicePdfOptions"/>, validated at start-up. Calling it again is harmless; a renderer registered
    /// first wins.
    /// </summary>
    /// <param name="builder">The BillingKit builder.</param>
    /// <param name="configure">Configures the options; null keeps the defaults (en-US, A4).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddInvoicePdf(this IBillingKitBuilder builder, Action<InvoicePdfOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<InvoicePdfOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvoicePdfOptions>, InvoicePdfOptionsValidator>());
        builder.Services.TryAddSingleton<IInvoicePdfRenderer>(provider =>
            new InvoicePdfRenderer(provider.GetRequiredService<IOptions<InvoicePdfOptions>>().Value));
        return builder;
    }
}
