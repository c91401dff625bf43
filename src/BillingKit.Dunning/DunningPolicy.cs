using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>An immutable, validated dunning policy: the pure machine's view of <see cref="DunningOptions"/>.</summary>
/// <remarks><see cref="DunningState.Active"/> and <see cref="DunningState.Trialing"/> always grant
/// <see cref="AccessLevel.Full"/> and <see cref="DunningState.Canceled"/> <see cref="AccessLevel.Blocked"/>; the other
/// states' levels come from the options. Thread-safe.</remarks>
public sealed class DunningPolicy
{
    private readonly ImmutableArray<AccessLevel> _access;

    private DunningPolicy(DunningOptions options)
    {
        RetrySchedule = [.. options.RetryScheduleDays.Select(d => Duration.FromDays(d))];
        DegradedAfter = Duration.FromDays(options.DegradedAfterDays);
        RestrictedAfter = Duration.FromDays(options.RestrictedAfterDays);
        SuspendedAfter = Duration.FromDays(options.SuspendedAfterDays);
        WhenRetriesExhausted = options.WhenRetriesExhausted;
        MinimumRetryInterval = Duration.FromTimeSpan(options.MinimumRetryInterval);
        RetrySoonDelay = Duration.FromTimeSpan(options.RetrySoonDelay);
        DefaultContractMode = options.DefaultContractMode;
        var access = new AccessLevel[8];
        access[(int)DunningState.Active] = AccessLevel.Full;
        access[(int)DunningState.Trialing] = AccessLevel.Full;
        access[(int)DunningState.Canceled] = AccessLevel.Blocked;
        access[(int)DunningState.PastDue] = options.PastDueAccess;
        access[(int)DunningState.Degraded] = options.DegradedAccess;
        access[(int)DunningState.Restricted] = options.RestrictedAccess;
        access[(int)DunningState.Suspended] = options.SuspendedAccess;
        access[(int)DunningState.Unpaid] = options.UnpaidAccess;
        _access = [.. access];
    }

    /// <summary>Gets the policy of default <see cref="DunningOptions"/>.</summary>
    public static DunningPolicy Default { get; } = new(new DunningOptions());

    /// <summary>Gets the retry offsets from the first failure, ascending.</summary>
    public ImmutableArray<Duration> RetrySchedule { get; }

    /// <summary>Gets when <see cref="DunningState.Degraded"/> begins, after the first failure (before grace).</summary>
    public Duration DegradedAfter { get; }

    /// <summary>Gets when <see cref="DunningState.Restricted"/> begins, after the first failure (before grace).</summary>
    public Duration RestrictedAfter { get; }

    /// <summary>Gets when <see cref="DunningState.Suspended"/> begins, after the first failure (before grace).</summary>
    public Duration SuspendedAfter { get; }

    /// <summary>Gets what happens when the last retry fails.</summary>
    public RetriesExhaustedAction WhenRetriesExhausted { get; }

    /// <summary>Gets the least time between two automatic charges.</summary>
    public Duration MinimumRetryInterval { get; }

    /// <summary>Gets how soon a transient decline is retried.</summary>
    public Duration RetrySoonDelay { get; }

    /// <summary>Gets the contract mode of tenants enrolled without one.</summary>
    public ContractMode DefaultContractMode { get; }

    /// <summary>Builds a policy from options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static DunningPolicy Create(DunningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dunning options: " + string.Join(" ", errors), nameof(options));
        }

        return new DunningPolicy(options);
    }

    /// <summary>Gets the access level a state grants.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The access level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not defined.</exception>
    public AccessLevel AccessFor(DunningState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Expected a defined DunningState.");
        }

        return _access[(int)state];
    }

    internal Duration StageAfter(DunningState stage) => stage switch
    {
        DunningState.Degraded => DegradedAfter,
        DunningState.Restricted => RestrictedAfter,
        DunningState.Suspended => SuspendedAfter,
        _ => Duration.Zero,
    };

    internal static List<string> Validate(DunningOptions options)
    {
        var errors = new List<string>();
        ValidateSchedule(options, errors);
        ValidateStages(options, errors);
        ValidateAccess(options, errors);
        return errors;
    }

    private static void ValidateSchedule(DunningOptions options, List<string> errors)
    {
        var days = options.RetryScheduleDays;
        if (days is null)
        {
            errors.Add("RetryScheduleDays must not be null; use an empty array for no retries.");
        }
        else
        {
            if (days.Length > 20)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"RetryScheduleDays has {days.Length} retries; expected at most 20."));
            }

            for (var i = 0; i < days.Length; i++)
            {
                if (days[i] is < 1 or > 366)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"RetryScheduleDays[{i}] is {days[i]}; expected 1 to 366 days after the first failure."));
                }
                else if (i > 0 && days[i] <= days[i - 1])
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"RetryScheduleDays must be strictly increasing; day {days[i]} follows day {days[i - 1]}."));
                }
            }
        }

    }

    private static void ValidateStages(DunningOptions options, List<string> errors)
    {
        if (options.DegradedAfterDays is < 1 or > 366)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"DegradedAfterDays is {options.DegradedAfterDays}; expected 1 to 366."));
        }

        if (options.RestrictedAfterDays <= options.DegradedAfterDays || options.RestrictedAfterDays > 366)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"RestrictedAfterDays is {options.RestrictedAfterDays}; expected more than DegradedAfterDays ({options.DegradedAfterDays}) and at most 366."));
        }

        if (options.SuspendedAfterDays <= options.RestrictedAfterDays || options.SuspendedAfterDays > 366)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"SuspendedAfterDays is {options.SuspendedAfterDays}; expected more than RestrictedAfterDays ({options.RestrictedAfterDays}) and at most 366."));
        }

        if (!Enum.IsDefined(options.WhenRetriesExhausted))
        {
            errors.Add($"WhenRetriesExhausted is {options.WhenRetriesExhausted}; expected KeepProgressing, MarkUnpaid or Suspend.");
        }

        if (!Enum.IsDefined(options.DefaultContractMode))
        {
            errors.Add($"DefaultContractMode is {options.DefaultContractMode}; expected Standard, Enterprise or Government.");
        }

        if (options.MinimumRetryInterval <= TimeSpan.Zero || options.MinimumRetryInterval > TimeSpan.FromDays(30))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MinimumRetryInterval is {options.MinimumRetryInterval}; expected more than zero and at most 30 days."));
        }

        if (options.RetrySoonDelay <= TimeSpan.Zero || options.RetrySoonDelay > TimeSpan.FromDays(30))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"RetrySoonDelay is {options.RetrySoonDelay}; expected more than zero and at most 30 days."));
        }

    }

    private static void ValidateAccess(DunningOptions options, List<string> errors)
    {
        AccessLevel[] ladder = [options.PastDueAccess, options.DegradedAccess, options.RestrictedAccess, options.SuspendedAccess];
        string[] names = [nameof(options.PastDueAccess), nameof(options.DegradedAccess), nameof(options.RestrictedAccess), nameof(options.SuspendedAccess)];
        for (var i = 0; i < ladder.Length; i++)
        {
            if (!Enum.IsDefined(ladder[i]))
            {
                errors.Add($"{names[i]} is {ladder[i]}; expected Full, Warned, Limited or Blocked.");
            }
            else if (i > 0 && ladder[i] < ladder[i - 1])
            {
                errors.Add($"{names[i]} ({ladder[i]}) is looser than {names[i - 1]} ({ladder[i - 1]}); a later stage must not grant more access.");
            }
        }

        if (!Enum.IsDefined(options.UnpaidAccess))
        {
            errors.Add($"UnpaidAccess is {options.UnpaidAccess}; expected Full, Warned, Limited or Blocked.");
        }
    }
}
