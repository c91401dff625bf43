using System.Globalization;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Extends grace by whole days: pushes the next stage's deadline (and every later one) back; never brings one closer.</summary>
public sealed record GraceExtensionOverride : DunningOverride
{
    /// <summary>The most days one extension may add.</summary>
    public const int MaximumDays = 365;

    /// <summary>Creates the override.</summary>
    /// <param name="occurredAt">When the admin acted.</param>
    /// <param name="actor">Who acted.</param>
    /// <param name="reason">Why.</param>
    /// <param name="days">Days to add, 1 to <see cref="MaximumDays"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="InvalidDunningOverrideException">No reason, or <paramref name="days"/> is zero, negative or above <see cref="MaximumDays"/>.</exception>
    public GraceExtensionOverride(Instant occurredAt, Actor actor, string reason, int days)
        : base(occurredAt, actor, reason)
    {
        if (days is < 1 or > MaximumDays)
        {
            throw new InvalidDunningOverrideException(
                string.Create(CultureInfo.InvariantCulture, $"Grace extension of {days} days is not allowed; expected 1 to {MaximumDays} days (grace never brings a deadline closer)."));
        }

        Days = days;
    }

    /// <summary>Gets the days added.</summary>
    public int Days { get; }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"Extended grace by {Days} days");
}
