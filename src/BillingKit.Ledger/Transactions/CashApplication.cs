namespace BillingKit.Ledger;

/// <summary>
/// The pure cash-application rule: how an incoming amount (a payment or a credit) settles open charges.
/// </summary>
/// <remarks>
/// Charges named in <c>applyFirst</c> are settled first, in that order; then the remaining open charges oldest due
/// first (ties by posting time, then id). Whatever is left after every charge is settled is the excess, which the
/// ledger moves to the credit balance, so nothing is lost. Thread-safe and free of side effects.
/// </remarks>
public static class CashApplication
{
    /// <summary>Applies <paramref name="amount"/> to <paramref name="openCharges"/>.</summary>
    /// <param name="amount">The amount to apply; positive.</param>
    /// <param name="openCharges">The open charges, in any order; all in the amount's currency.</param>
    /// <param name="applyFirst">Charges to settle first, in this order; each must be among <paramref name="openCharges"/>. Null or empty: oldest due first.</param>
    /// <returns>The allocation; its applied amounts plus its excess equal <paramref name="amount"/>.</returns>
    /// <exception cref="InvalidLedgerAmountException"><paramref name="amount"/> is zero or negative.</exception>
    /// <exception cref="CurrencyMismatchException">An open charge is in another currency.</exception>
    /// <exception cref="ArgumentException"><paramref name="applyFirst"/> names a charge that is not open, or names one twice.</exception>
    public static CashAllocation Allocate(Money amount, IReadOnlyList<OpenCharge> openCharges, IReadOnlyList<LedgerTransactionId>? applyFirst = null)
    {
        ArgumentNullException.ThrowIfNull(openCharges);
        InvalidLedgerAmountException.ThrowIfNotPositive(amount, "the amount to apply");
        foreach (var charge in openCharges)
        {
            amount.EnsureSameCurrency(charge.Outstanding);
        }

        var order = new List<OpenCharge>(openCharges.Count);
        if (applyFirst is { Count: > 0 })
        {
            var seen = new HashSet<LedgerTransactionId>();
            foreach (var id in applyFirst)
            {
                if (!seen.Add(id))
                {
                    throw new ArgumentException($"Charge {id} is named twice in the application order; name each charge once.", nameof(applyFirst));
                }

                var charge = openCharges.FirstOrDefault(c => c.Charge == id && c.Outstanding.IsPositive)
                    ?? throw new ArgumentException($"Charge {id} is not an open charge of this tenant in {amount.Currency.Code}; name only charges with an outstanding amount.", nameof(applyFirst));
                order.Add(charge);
            }

            order.AddRange(OldestDueFirst(openCharges.Where(c => !seen.Contains(c.Charge))));
        }
        else
        {
            order.AddRange(OldestDueFirst(openCharges));
        }

        var applied = new List<ChargeAllocation>();
        var left = amount;
        foreach (var charge in order)
        {
            if (left.IsZero)
            {
                break;
            }

            if (!charge.Outstanding.IsPositive)
            {
                continue;
            }

            var take = Money.Min(left, charge.Outstanding);
            applied.Add(new ChargeAllocation(charge.Charge, take));
            left -= take;
        }

        return new CashAllocation(applied, left);
    }

    internal static IEnumerable<OpenCharge> OldestDueFirst(IEnumerable<OpenCharge> charges) =>
        charges.OrderBy(c => c.DueDate).ThenBy(c => c.PostedAt).ThenBy(c => c.Charge.Value, StringComparer.Ordinal);
}
