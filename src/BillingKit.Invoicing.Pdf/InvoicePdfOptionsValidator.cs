using System.Globalization;
using Microsoft.Extensions.Options;

namespace BillingKit.Invoicing.Pdf;

/// <summary>Checks <see cref="InvoicePdfOptions"/> at start-up (and when a renderer is built by hand).</summary>
internal sealed class InvoicePdfOptionsValidator : IValidateOptions<InvoicePdfOptions>
{
    public ValidateOptionsResult Validate(string? name, InvoicePdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.CultureName is null || !TryGetCulture(options.CultureName, out _))
        {
            builder.AddError(
                $"'{options.CultureName}' is not a culture this machine knows; expected a .NET culture name such as \"en-US\" or \"de-DE\", or \"\" for the invariant culture.",
                nameof(InvoicePdfOptions.CultureName));
        }

        if (!Enum.IsDefined(options.PaperSize))
        {
            builder.AddError(
                $"{(int)options.PaperSize} is not a paper size; expected InvoicePaperSize.A4 or InvoicePaperSize.Letter.",
                nameof(InvoicePdfOptions.PaperSize));
        }

        return builder.Build();
    }

    internal static bool TryGetCulture(string name, out CultureInfo culture)
    {
        try
        {
            culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.InvariantCulture;
            return false;
        }
    }
}
