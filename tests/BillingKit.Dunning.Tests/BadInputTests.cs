using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingKit.Dunning.Tests;

public class BadInputTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_override_without_a_reason_is_refused(string? reason)
    {
        var error = Assert.Throws<InvalidDunningOverrideException>(() => new ForceStateOverride(default, Desk.Admin, reason!, ForcedState.Active));
        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDunningOverrideException>(() => new GraceExtensionOverride(default, Desk.Admin, reason!, 3));
        Assert.Throws<InvalidDunningOverrideException>(() => new ContractModeOverride(default, Desk.Admin, reason!, ContractMode.Government));
        Assert.Throws<InvalidDunningOverrideException>(() => new ClearForcedStateOverride(default, Desk.Admin, reason!));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(366)]
    public void Grace_days_outside_one_to_a_year_are_refused(int days)
    {
        var error = Assert.Throws<InvalidDunningOverrideException>(() => new GraceExtensionOverride(default, Desk.Admin, "Holiday", days));
        Assert.Contains("expected 1 to 365 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_overrides_are_billing_exceptions()
    {
        Assert.IsAssignableFrom<BillingException>(new InvalidDunningOverrideException("x"));
        Assert.IsAssignableFrom<BillingException>(new DunningTenantNotFoundException(Acme));
        Assert.IsAssignableFrom<BillingException>(new DunningTransitionException(Acme, DunningState.Active, "x"));
        Assert.IsAssignableFrom<BillingException>(new DunningTenantAlreadyEnrolledException(Acme));
    }

    [Fact]
    public async Task An_event_for_an_unknown_tenant_is_refused_and_nothing_is_stored()
    {
        using var desk = new Desk();
        var error = await Assert.ThrowsAsync<DunningTenantNotFoundException>(async () => await desk.Fail(Acme, "insufficient_funds"));
        Assert.Equal(Acme, error.Tenant);
        Assert.Null(await desk.Store.FindAsync(Acme));
        await Assert.ThrowsAsync<DunningTenantNotFoundException>(async () => await desk.Service.GetAsync(Acme));
    }

    [Fact]
    public async Task Enrolling_twice_is_refused()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        await Assert.ThrowsAsync<DunningTenantAlreadyEnrolledException>(async () => await desk.Service.EnrollAsync(Acme, ContractMode.Government));
        Assert.Equal(ContractMode.Standard, (await desk.Service.GetAsync(Acme)).Mode);
    }

    [Fact]
    public async Task Clearing_a_force_that_is_not_there_is_an_impossible_transition_and_changes_nothing()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        await desk.Fail(Acme, "insufficient_funds");
        var before = await desk.Service.GetAsync(Acme);

        var error = await Assert.ThrowsAsync<DunningTransitionException>(async () => await desk.Service.ApplyAsync(Acme, new ClearForcedStateOverride(desk.Now, Desk.Admin, "Tidy up")));

        Assert.Equal(DunningState.PastDue, error.State);
        Assert.Equal(before, await desk.Service.GetAsync(Acme));
        Assert.Empty(await desk.Service.GetOverridesAsync(Acme));
    }

    [Fact]
    public async Task Extending_grace_when_nothing_is_owed_is_refused()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        await Assert.ThrowsAsync<InvalidDunningOverrideException>(async () => await desk.Service.ApplyAsync(Acme, new GraceExtensionOverride(desk.Now, Desk.Admin, "Goodwill", 5)));
        Assert.Empty(await desk.Service.GetOverridesAsync(Acme));
    }

    [Fact]
    public void Invalid_options_fail_at_start_up_with_every_problem_listed()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddDunning(o =>
        {
            o.RetryScheduleDays = [7, 3];
            o.RestrictedAfterDays = 5;
            o.SuspendedAccess = AccessLevel.Full;
            o.MinimumRetryInterval = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("strictly increasing", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RestrictedAfterDays", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SuspendedAccess", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MinimumRetryInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Policies_are_built_only_from_valid_options()
    {
        Assert.Throws<ArgumentException>(() => DunningPolicy.Create(new DunningOptions { DegradedAfterDays = 0 }));
        var policy = DunningPolicy.Create(new DunningOptions { RetryScheduleDays = [] });
        Assert.Empty(policy.RetrySchedule);
    }

    [Fact]
    public async Task Named_options_give_a_plan_its_own_policy()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddDunning();
        services.Configure<DunningOptions>("startup-plan", o => o.RetryScheduleDays = [1]);
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<DunningService>();
        var enrolled = await service.EnrollAsync(Acme, policyName: "startup-plan");

        var failure = await service.ApplyAsync(Acme, new PaymentFailed(enrolled.EnrolledAt, "insufficient_funds"));

        Assert.Equal(enrolled.EnrolledAt + NodaTime.Duration.FromDays(1), failure.Snapshot.NextRetryAt);
    }

    [Fact]
    public void AddDunning_twice_registers_each_service_once()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddDunning().AddDunning();
        Assert.Single(services, d => d.ServiceType == typeof(DunningService));
        Assert.Single(services, d => d.ServiceType == typeof(IDunningStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DunningOptions>));
    }
}
