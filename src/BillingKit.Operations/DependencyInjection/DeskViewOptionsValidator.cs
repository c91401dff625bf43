using System.Globalization;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations;

/// <summary>Checks <see cref="DeskViewOptions"/> at start-up, one message per problem naming the option.</summary>
internal sealed class DeskViewOptionsValidator : IValidateOptions<DeskViewOptions>
{
    public ValidateOptionsResult Validate(string? name, DeskViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.RecentItems is < 1 or > 100)
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture, $"must be from 1 to 100, was {options.RecentItems}."), "BillingKit.Views.RecentItems");
        }

        if (options.LookupLimit is < 1 or > 500)
        {
            builder.AddError(string.Create(CultureInfo.InvariantCulture, $"must be from 1 to 500, was {options.LookupLimit}."), "BillingKit.Views.LookupLimit");
        }

        return builder.Build();
    }
}
