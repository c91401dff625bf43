using System.CommandLine;
using System.Globalization;
using BillingKit.Entitlements;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>entitlement-override</c>: a tenant's own quota or feature values, through the desk's <see cref="EntitlementDesk"/>.</summary>
internal static class EntitlementOverrideCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var metric = new Option<string?>("--metric") { Description = "The metric whose limit to override" };
        var limit = new Option<string?>("--limit") { Description = "The new limit: a whole number or 'unlimited'" };
        var remove = new Option<bool>("--remove") { Description = "Remove the metric's override (back to the plan's quota)" };
        var features = new Option<string?>("--features") { Description = "Feature overrides as JSON, for example {\"sso\": true}" };
        var reason = SampleArguments.Reason();
        var command = new Command("entitlement-override", "Override a tenant's quota for a metric, remove it, or override features") { tenant, metric, limit, remove, features, reason };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            var desk = session.Host.Get<EntitlementDesk>();
            if (parse.GetValue(features) is { } json)
            {
                Show.Acting(session.Console, session.Operator);
                var set = await desk.SetFeatureOverridesAsync(request, json, cancellationToken);
                Show.Done(session.Console, $"Feature overrides for {Markup.Escape(found.Name)}: {Markup.Escape(string.Join(", ", set.Select(f => $"{f.Key.Key}={f.Value.Value}")))}");
                return ExitCodes.Success;
            }

            var chosen = CheckQuotaCommand.Metric(parse.GetValue(metric) ?? throw new SampleInputException("Give --metric with --limit or --remove, or give --features."));
            Show.Acting(session.Console, session.Operator);
            if (parse.GetValue(remove))
            {
                var removed = await desk.RemoveQuotaOverrideAsync(request, chosen, cancellationToken);
                Show.Done(session.Console, removed ? $"Override on {Markup.Escape(chosen.DisplayName)} removed; the plan's quota applies again" : $"{Markup.Escape(chosen.DisplayName)} had no override");
                return ExitCodes.Success;
            }

            var quota = Quota(parse.GetValue(limit) ?? throw new SampleInputException("Give --limit <number|unlimited> (or --remove)."));
            var result = await desk.SetQuotaOverrideAsync(request, chosen, quota, cancellationToken);
            Show.Done(session.Console, $"{Markup.Escape(chosen.DisplayName)} for {Markup.Escape(found.Name)} is now {TenantDetail.QuotaText(result.Quota)} (plan: {TenantDetail.QuotaText(session.Host.Get<EntitlementService>().Explain(found.Id, chosen).PlanQuota)})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Quota Quota(string text) =>
        string.Equals(text, "unlimited", StringComparison.OrdinalIgnoreCase) ? Entitlements.Quota.Unlimited
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Entitlements.Quota.Of(value)
        : throw new SampleInputException($"The limit must be a whole number of units or 'unlimited'; got '{text}'.");
}
