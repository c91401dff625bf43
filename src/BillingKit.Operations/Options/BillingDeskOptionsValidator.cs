using System.Globalization;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations;

/// <summary>Checks <see cref="BillingDeskOptions"/> at start-up, with one message per problem that names the option.</summary>
internal sealed class BillingDeskOptionsValidator : IValidateOptions<BillingDeskOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingDeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        ValidateCreditAuthority(options.CreditAuthority, builder);
        ValidateEscalations(options.Escalations, builder);
        ValidatePayLinks(options.PayLinks, builder);
        ValidateProviderHealth(options.ProviderHealth, builder);
        if (options.RefundPolicy.AccidentalRenewalWindow < TimeSpan.Zero)
        {
            builder.AddError("must be zero (off) or more.", "BillingDesk.RefundPolicy.AccidentalRenewalWindow");
        }

        return builder.Build();
    }

    private static void ValidateCreditAuthority(CreditAuthorityOptions options, ValidateOptionsResultBuilder builder)
    {
        // Someone must be able to approve what others may not grant: a role that may approve credits needs authority.
        var approvers = DeskAuthorizer.RolesWith(DeskPermission.ApproveCredits);
        if (!approvers.Any(role => options.UnlimitedRoles.Contains(role) || options.LimitsOf(role).Any(l => l.IsPositive)))
        {
            builder.AddError(
                $"no role that may approve credits ({string.Join(", ", approvers)}) has any authority, so credits above a requester's authority could never be approved; give SuperAdmin unlimited authority or a limit.",
                "BillingDesk.CreditAuthority");
        }
    }

    private static void ValidateEscalations(EscalationOptions options, ValidateOptionsResultBuilder builder)
    {
        foreach (var kind in Enum.GetValues<EscalationKind>())
        {
            if (!options.Rules.TryGetValue(kind, out var rule) || rule is null)
            {
                builder.AddError($"has no rule for {kind}; every kind needs a route and an SLA.", "BillingDesk.Escalations.Rules");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Route))
            {
                builder.AddError("needs a route (a team or queue name such as 'finance').", $"BillingDesk.Escalations.Rules[{kind}].Route");
            }

            if (rule.Sla <= TimeSpan.Zero)
            {
                builder.AddError(string.Create(CultureInfo.InvariantCulture, $"must be above zero, was {rule.Sla:c}."), $"BillingDesk.Escalations.Rules[{kind}].Sla");
            }
        }

        var mass = options.MassPaymentFailure;
        if (mass.Window <= TimeSpan.Zero)
        {
            builder.AddError("must be above zero.", "BillingDesk.Escalations.MassPaymentFailure.Window");
        }

        if (mass.MinimumSamples < 1)
        {
            builder.AddError("must be at least 1.", "BillingDesk.Escalations.MassPaymentFailure.MinimumSamples");
        }

        if (mass.MinimumTenants < 1)
        {
            builder.AddError("must be at least 1.", "BillingDesk.Escalations.MassPaymentFailure.MinimumTenants");
        }

        if (mass.FailureRateThreshold is < 0m or >= 1m)
        {
            builder.AddError(
                string.Create(CultureInfo.InvariantCulture, $"must be from 0 up to (not including) 1, such as 0.5 for half; was {mass.FailureRateThreshold}."),
                "BillingDesk.Escalations.MassPaymentFailure.FailureRateThreshold");
        }
    }

    private static void ValidatePayLinks(PayLinkOptions options, ValidateOptionsResultBuilder builder)
    {
        // The key's value never appears in a message.
        if (options.SigningKey is not null && PayLinkSigner.DecodeKey(options.SigningKey) is null)
        {
            builder.AddError(PayLinkSigner.KeyProblem("SigningKey"), "BillingDesk.PayLinks.SigningKey");
        }

        for (var i = 0; i < options.PreviousSigningKeys.Count; i++)
        {
            if (PayLinkSigner.DecodeKey(options.PreviousSigningKeys[i]) is null)
            {
                builder.AddError(PayLinkSigner.KeyProblem(string.Create(CultureInfo.InvariantCulture, $"PreviousSigningKeys[{i}]")), "BillingDesk.PayLinks.PreviousSigningKeys");
            }
        }

        if (options.SigningKey is null && options.PreviousSigningKeys.Count > 0)
        {
            builder.AddError("previous keys are set but no current SigningKey; set the new key as SigningKey.", "BillingDesk.PayLinks.SigningKey");
        }

        if (options.Lifetime <= TimeSpan.Zero)
        {
            builder.AddError("must be above zero.", "BillingDesk.PayLinks.Lifetime");
        }
    }

    private static void ValidateProviderHealth(ProviderHealthOptions options, ValidateOptionsResultBuilder builder)
    {
        if (options.DegradeAfterConsecutiveFailures < 1)
        {
            builder.AddError("must be at least 1.", "BillingDesk.ProviderHealth.DegradeAfterConsecutiveFailures");
        }

        if (options.ClearAfterConsecutiveSuccesses < 1)
        {
            builder.AddError("must be at least 1.", "BillingDesk.ProviderHealth.ClearAfterConsecutiveSuccesses");
        }
    }
}
