namespace BillingKit.Operations;

/// <summary>
/// How much credit each role may grant on its own, per currency. A credit above the actor's authority becomes a
/// <see cref="CreditApprovalRequest"/> that a role with enough authority approves or rejects.
/// </summary>
/// <remarks>
/// <para>Defaults: <see cref="BillingRole.Finance"/> USD, EUR and GBP 100 and NGN 50,000;
/// <see cref="BillingRole.BillingAdmin"/> USD, EUR and GBP 1,000 and NGN 500,000; <see cref="BillingRole.SuperAdmin"/>
/// unlimited. Every other role, and every currency without a limit for a role, has no authority: each of its
/// credits needs approval.</para>
/// <para>Not thread-safe; configure it at start-up.</para>
/// </remarks>
public sealed class CreditAuthorityOptions
{
    private readonly Dictionary<BillingRole, Dictionary<Currency, Money>> _limits = [];
    private readonly HashSet<BillingRole> _unlimited = [];

    /// <summary>Creates the options with the defaults.</summary>
    public CreditAuthorityOptions()
    {
        foreach (var currency in new[] { Currency.USD, Currency.EUR, Currency.GBP })
        {
            SetLimit(BillingRole.Finance, Money.FromMajor(100m, currency));
            SetLimit(BillingRole.BillingAdmin, Money.FromMajor(1_000m, currency));
        }

        SetLimit(BillingRole.Finance, Money.FromMajor(50_000m, Currency.NGN));
        SetLimit(BillingRole.BillingAdmin, Money.FromMajor(500_000m, Currency.NGN));
        SetUnlimited(BillingRole.SuperAdmin);
    }

    /// <summary>Gets the roles with unlimited authority.</summary>
    public IReadOnlySet<BillingRole> UnlimitedRoles => _unlimited;

    /// <summary>Sets the most a role may credit in one go in the limit's currency, replacing any limit it had in
    /// that currency (and any unlimited authority).</summary>
    /// <param name="role">The role.</param>
    /// <param name="limit">The limit; zero means every credit in that currency needs approval.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined or <paramref name="limit"/> is negative.</exception>
    public CreditAuthorityOptions SetLimit(BillingRole role, Money limit)
    {
        RequireDefined(role);
        if (limit.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "Expected a credit authority limit of zero or more.");
        }

        _unlimited.Remove(role);
        if (!_limits.TryGetValue(role, out var byCurrency))
        {
            byCurrency = [];
            _limits.Add(role, byCurrency);
        }

        byCurrency[limit.Currency] = limit;
        return this;
    }

    /// <summary>Gives a role unlimited authority, replacing its limits.</summary>
    /// <param name="role">The role.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined.</exception>
    public CreditAuthorityOptions SetUnlimited(BillingRole role)
    {
        RequireDefined(role);
        _limits.Remove(role);
        _unlimited.Add(role);
        return this;
    }

    /// <summary>Takes all authority from a role: each of its credits will need approval.</summary>
    /// <param name="role">The role.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined.</exception>
    public CreditAuthorityOptions RemoveAuthority(BillingRole role)
    {
        RequireDefined(role);
        _limits.Remove(role);
        _unlimited.Remove(role);
        return this;
    }

    /// <summary>Gets a role's limits, one per currency.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The limits; empty when the role has none (or is unlimited).</returns>
    public IReadOnlyCollection<Money> LimitsOf(BillingRole role) =>
        _limits.TryGetValue(role, out var byCurrency) ? [.. byCurrency.Values] : [];

    /// <summary>Takes an immutable copy for the decisions.</summary>
    internal CreditAuthorityTable ToTable() => new(
        _limits.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<Currency, Money>)new Dictionary<Currency, Money>(pair.Value)),
        new HashSet<BillingRole>(_unlimited));

    private static void RequireDefined(BillingRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Expected a defined BillingRole.");
        }
    }
}
