using Microsoft.Extensions.Options;

namespace BillingKit.Dunning;

/// <summary>Validates every named <see cref="DunningOptions"/> with the rules of <see cref="DunningPolicy.Create"/>.</summary>
internal sealed class DunningOptionsValidator : IValidateOptions<DunningOptions>
{
    public ValidateOptionsResult Validate(string? name, DunningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = DunningPolicy.Validate(options);
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var builder = new ValidateOptionsResultBuilder();
        foreach (var error in errors)
        {
            builder.AddError(error);
        }

        return builder.Build();
    }
}
