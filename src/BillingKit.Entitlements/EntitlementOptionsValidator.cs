using Microsoft.Extensions.Options;

namespace BillingKit.Entitlements;

/// <summary>Validates <see cref="EntitlementOptions"/> at start-up.</summary>
internal sealed class EntitlementOptionsValidator : IValidateOptions<EntitlementOptions>
{
    public ValidateOptionsResult Validate(string? name, EntitlementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var seen = new HashSet<PlanId>();
        foreach (var plan in options.Plans)
        {
            if (plan is null)
            {
                builder.AddError("A plan is null; remove it or build it with Plan.Create.", nameof(options.Plans));
            }
            else if (!seen.Add(plan.Id))
            {
                builder.AddError($"Plan '{plan.Id}' is registered twice; each plan id must be unique.", nameof(options.Plans));
            }
        }

        foreach (var key in options.LimitedMetrics.Concat(options.LimitedFeatures))
        {
            if (key is null || !Metric.IsValidKey(key))
            {
                builder.AddError($"'{key}' is not a valid metric or feature key: expected lower-case ASCII letters, digits, '.', '_' or '-'.", nameof(options.LimitedMetrics));
            }
        }

        if (options.DefaultTimeZone is null)
        {
            builder.AddError("A default time zone is required (for example DateTimeZone.Utc).", nameof(options.DefaultTimeZone));
        }

        if (options.LeaseBatchSize <= 0)
        {
            builder.AddError($"The lease batch size must be positive; it was {options.LeaseBatchSize}.", nameof(options.LeaseBatchSize));
        }

        return builder.Build();
    }
}
