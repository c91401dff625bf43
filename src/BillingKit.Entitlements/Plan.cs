using System.Collections.Immutable;

namespace BillingKit.Entitlements;

/// <summary>
/// A plan in the host's catalogue: a quota per metric and a value per feature. Immutable; build one with
/// <see cref="Create"/> and the <c>With</c> methods, and register it in <see cref="EntitlementOptions.Plans"/>.
/// </summary>
/// <remarks>A metric the plan does not mention is not part of it (checks say
/// <see cref="EntitlementReason.MetricNotInPlan"/>) unless an override gives it a quota; a feature it does not mention is off.</remarks>
public sealed class Plan
{
    private Plan(PlanId id, string name, ImmutableDictionary<Metric, Quota> quotas, ImmutableDictionary<Feature, FeatureValue> features)
    {
        Id = id;
        Name = name;
        Quotas = quotas;
        Features = features;
    }

    /// <summary>Gets the plan's id.</summary>
    public PlanId Id { get; }

    /// <summary>Gets the plan's name for people.</summary>
    public string Name { get; }

    /// <summary>Gets the quota of each metric in the plan.</summary>
    public ImmutableDictionary<Metric, Quota> Quotas { get; }

    /// <summary>Gets the value of each feature in the plan.</summary>
    public ImmutableDictionary<Feature, FeatureValue> Features { get; }

    /// <summary>Creates a plan with no quotas and no features.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="name">The plan's name for people.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c> or <paramref name="name"/> is blank.</exception>
    public static Plan Create(PlanId id, string name)
    {
        if (id.Value.Length == 0)
        {
            throw new ArgumentException("A plan needs an id; default(PlanId) is not one.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Plan(id, name, ImmutableDictionary<Metric, Quota>.Empty, ImmutableDictionary<Feature, FeatureValue>.Empty);
    }

    /// <summary>Returns a copy of the plan with a quota for a metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="quota">Its quota.</param>
    /// <returns>The new plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public Plan WithQuota(Metric metric, Quota quota)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new Plan(Id, Name, Quotas.SetItem(metric, quota), Features);
    }

    /// <summary>Returns a copy of the plan with a limit for a metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="limit">Its limit in the metric's units, zero or more.</param>
    /// <returns>The new plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative or <see cref="long.MaxValue"/>.</exception>
    public Plan WithQuota(Metric metric, long limit) => WithQuota(metric, Quota.Of(limit));

    /// <summary>Returns a copy of the plan with a value for a feature.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The new plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public Plan WithFeature(Feature feature, FeatureValue value)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return new Plan(Id, Name, Quotas, Features.SetItem(feature, value));
    }

    /// <summary>Returns a copy of the plan with a feature switched on or off.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="enabled">Whether it is on.</param>
    /// <returns>The new plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public Plan WithFeature(Feature feature, bool enabled) => WithFeature(feature, FeatureValue.Flag(enabled));

    /// <summary>Returns the plan's id and name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({Name})";
}
