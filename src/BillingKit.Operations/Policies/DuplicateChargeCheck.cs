using NodaTime;

namespace BillingKit.Operations;

/// <summary>The pure "I was charged twice" check.</summary>
internal static class DuplicateChargeCheck
{
    /// <summary>Finds successful payments of the same customer (the tenant when none), same amount and currency,
    /// on the same day in <paramref name="zone"/>. The earliest of each group is the original; later ones with
    /// something still refundable are suspected duplicates.</summary>
    /// <returns>The groups, by date then amount; empty when nothing looks duplicated.</returns>
    public static IReadOnlyList<SuspectedDuplicateCharge> Find(IEnumerable<PaymentFacts> payments, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(zone);
        var found = new List<SuspectedDuplicateCharge>();
        var groups = payments
            .Where(p => p.Succeeded && p.Amount.IsPositive)
            .GroupBy(p => (p.Tenant, p.Customer, p.Amount, Date: p.PaidAt.InZone(zone).Date));
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(p => p.PaidAt).ThenBy(p => p.Payment.Value, StringComparer.Ordinal).ToList();
            var duplicates = ordered.Skip(1).Where(p => p.Refundable.IsPositive).ToList();
            if (duplicates.Count == 0)
            {
                continue;
            }

            var refund = duplicates.Aggregate(Money.Zero(group.Key.Amount.Currency), (sum, p) => sum + p.Refundable);
            found.Add(new SuspectedDuplicateCharge(ordered[0], duplicates, group.Key.Date, refund));
        }

        return [.. found.OrderBy(d => d.Date).ThenBy(d => d.Original.Amount.MinorUnits)];
    }
}
