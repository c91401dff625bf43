namespace BillingKit.Operations;

/// <summary>The dispute response policy: rules tried in order, the first that applies decides.</summary>
/// <remarks>
/// <list type="number">
/// <item>Suspected fraud: accept (<see cref="AcceptSuspectedFraud"/>).</item>
/// <item>An amount below the currency's threshold: accept, fighting costs more than it recovers.</item>
/// <item>Usage evidence exists: challenge.</item>
/// <item>Otherwise: review.</item>
/// </list>
/// </remarks>
public sealed class DisputePolicyOptions
{
    private readonly Dictionary<Currency, Money> _acceptBelow = new()
    {
        [Currency.USD] = Money.FromMajor(20m, Currency.USD),
        [Currency.EUR] = Money.FromMajor(20m, Currency.EUR),
        [Currency.GBP] = Money.FromMajor(20m, Currency.GBP),
        [Currency.NGN] = Money.FromMajor(10_000m, Currency.NGN),
    };

    /// <summary>Gets or sets whether suspected fraud is accepted.</summary>
    /// <value><see langword="true"/>.</value>
    public bool AcceptSuspectedFraud { get; set; } = true;

    /// <summary>Gets the thresholds below which disputes are accepted, one per currency; currencies without one have
    /// no threshold.</summary>
    /// <value>USD, EUR and GBP 20; NGN 10,000.</value>
    public IReadOnlyCollection<Money> AcceptBelowThresholds => _acceptBelow.Values;

    /// <summary>Sets the threshold below which disputes in its currency are accepted.</summary>
    /// <param name="threshold">The threshold, zero or more; zero turns the rule off for the currency.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative.</exception>
    public DisputePolicyOptions SetAcceptBelow(Money threshold)
    {
        if (threshold.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Expected a threshold of zero or more.");
        }

        _acceptBelow[threshold.Currency] = threshold;
        return this;
    }

    internal Money? ThresholdFor(Currency currency) => _acceptBelow.TryGetValue(currency, out var threshold) ? threshold : null;

    internal IReadOnlyDictionary<Currency, Money> Thresholds() => new Dictionary<Currency, Money>(_acceptBelow);
}
