using Microsoft.Extensions.Options;

namespace BillingKit.Operations.Tests.Options;

public class BillingDeskOptionsTests
{
    private static ValidateOptionsResult Validate(Action<BillingDeskOptions> configure)
    {
        var options = new BillingDeskOptions();
        configure(options);
        return new BillingDeskOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void The_defaults_are_valid_even_without_pay_links() =>
        Assert.True(Validate(_ => { }).Succeeded);

    [Fact]
    public void Every_problem_is_reported_with_the_option_it_concerns()
    {
        var result = Validate(o =>
        {
            o.Escalations.Rules.Remove(EscalationKind.Dispute);
            o.Escalations.Rules[EscalationKind.RefundRequest].Sla = TimeSpan.Zero;
            o.Escalations.MassPaymentFailure.FailureRateThreshold = 1.5m;
            o.ProviderHealth.DegradeAfterConsecutiveFailures = 0;
            o.PayLinks.Lifetime = TimeSpan.Zero;
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Escalations.Rules", StringComparison.Ordinal) && f.Contains("Dispute", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Rules[RefundRequest].Sla", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FailureRateThreshold", StringComparison.Ordinal) && f.Contains("1.5", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DegradeAfterConsecutiveFailures", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("PayLinks.Lifetime", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_signing_key_is_refused_without_showing_it()
    {
        var result = Validate(o => o.PayLinks.SigningKey = "c2hvcnQta2V5");

        Assert.True(result.Failed);
        Assert.Contains("at least 32 random bytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQta2V5", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_must_be_able_to_approve_credits()
    {
        var result = Validate(o => o.CreditAuthority.RemoveAuthority(BillingRole.SuperAdmin).RemoveAuthority(BillingRole.BillingAdmin));

        Assert.True(result.Failed);
        Assert.Contains("could never be approved", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_stop_the_desk_at_start_up()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DeskFixture.Create(o => o.ProviderHealth.ClearAfterConsecutiveSuccesses = 0));
        Assert.Contains("ClearAfterConsecutiveSuccesses", error.Message, StringComparison.Ordinal);
    }
}
