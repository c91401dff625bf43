using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Checks <see cref="InvoicingOptions"/> at start-up.</summary>
internal sealed class InvoicingOptionsValidator : IValidateOptions<InvoicingOptions>
{
    public ValidateOptionsResult Validate(string? name, InvoicingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (!NumberFormat.TryParse(options.NumberFormat, out _, out var error))
        {
            result.AddError(error, nameof(options.NumberFormat));
        }

        if (!NumberFormat.TryParse(options.CreditNoteNumberFormat, out _, out error))
        {
            result.AddError(error, nameof(options.CreditNoteNumberFormat));
        }

        if (string.Equals(options.NumberFormat, options.CreditNoteNumberFormat, StringComparison.Ordinal))
        {
            result.AddError("Invoices and credit notes need different number formats so that their series do not collide.", nameof(options.CreditNoteNumberFormat));
        }

        if (string.IsNullOrWhiteSpace(options.TimeZoneId) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId) is null)
        {
            result.AddError($"'{options.TimeZoneId}' is not an IANA time zone id; expected one such as \"UTC\" or \"Africa/Lagos\".", nameof(options.TimeZoneId));
        }

        if (options.ManualPaymentInstructions is { } instructions && string.IsNullOrWhiteSpace(instructions))
        {
            result.AddError("Default manual payment instructions must not be blank; leave them null to require instructions on each manual invoice.", nameof(options.ManualPaymentInstructions));
        }

        if (options.RollingSchedulePeriods is < 1 or > 120)
        {
            result.AddError($"RollingSchedulePeriods must be 1 to 120; got {options.RollingSchedulePeriods}.", nameof(options.RollingSchedulePeriods));
        }

        return result.Build();
    }
}
