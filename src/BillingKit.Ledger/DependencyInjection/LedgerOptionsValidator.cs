using Microsoft.Extensions.Options;

namespace BillingKit.Ledger;

internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public const int Largest = 10_000;

    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxPageSize is < 1 or > Largest
            ? ValidateOptionsResult.Fail($"LedgerOptions.MaxPageSize is {options.MaxPageSize}; expected 1 to {Largest}.")
            : ValidateOptionsResult.Success;
    }
}
