using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Builds a billing group's consolidated invoice and spreads payments over its lines. Pure functions.</summary>
/// <remarks>
/// <para>Consolidation copies lines unchanged (amounts, tax, rounding), only stamping each with its customer, so a
/// consolidated invoice's total is exactly the sum of what the customers would have been invoiced separately.</para>
/// <para>Payments are applied to lines oldest due first (<see cref="InvoiceLine.OriginalDueDate"/>, else the
/// invoice's due date; ties in line order), each line filled up to its total before the next: a waterfall. Lines with a
/// total of zero or less take nothing. Because the waterfall of everything paid so far is deterministic, the part of
/// a new payment that goes to each line is the waterfall after it minus the waterfall before it, so every allocation
/// adds up to the payment exactly, and a series of partial payments ends with every line settled.</para>
/// </remarks>
public static class InvoiceConsolidation
{
    /// <summary>Lays out one invoice line per subscription charge of the group's members in a billing period.</summary>
    /// <param name="group">The billing group.</param>
    /// <param name="subscriptions">Subscriptions of the group's members; other customers' ones are skipped. Charges are decided by
    /// dates, exactly as in the subscription's <see cref="PaymentSchedule"/>: none before the billing anchor (so none during a trial),
    /// none from <see cref="Subscription.EndsOn"/> on (so a canceled subscription is billed only for what was due before it ended).</param>
    /// <param name="period">The group's billing period (start inclusive, end exclusive).</param>
    /// <returns>One line per scheduled payment falling due in <paramref name="period"/>, for each member subscription
    /// (so one per subscription for subscriptions billed at the group's frequency), ordered by due date, customer and subscription.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CurrencyMismatchException">A subscription is priced in another currency than the group.</exception>
    public static IReadOnlyList<InvoiceLine> LinesFor(BillingGroup group, IEnumerable<Subscription> subscriptions, BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var names = MemberNames(group);
        var lines = new List<(LocalDate Due, string Customer, string Subscription, InvoiceLine Line)>();
        foreach (var subscription in subscriptions)
        {
            if (!names.TryGetValue(subscription.CustomerId, out var name))
            {
                continue;
            }

            if (subscription.Price.Currency != group.Currency)
            {
                throw new CurrencyMismatchException(group.Currency, subscription.Price.Currency);
            }

            foreach (var charge in ChargesIn(subscription, period))
            {
                var line = InvoiceLine.Create(subscription.Description, subscription.Price, 1m, subscription.TaxRate) with
                {
                    PlanId = subscription.PlanId,
                    ProductId = subscription.PlanId.Value,
                    SubscriptionId = subscription.Id,
                    Period = charge,
                    CustomerId = subscription.CustomerId,
                    CustomerName = name,
                    OriginalDueDate = charge.Start,
                };
                lines.Add((charge.Start, subscription.CustomerId.Value, subscription.Id.Value, line));
            }
        }

        lines.Sort(static (a, b) =>
        {
            var byDue = a.Due.CompareTo(b.Due);
            if (byDue != 0)
            {
                return byDue;
            }

            var byCustomer = string.CompareOrdinal(a.Customer, b.Customer);
            return byCustomer != 0 ? byCustomer : string.CompareOrdinal(a.Subscription, b.Subscription);
        });
        return lines.ConvertAll(l => l.Line);
    }

    /// <summary>Builds the group's consolidated draft for a billing period from its members' subscriptions.</summary>
    /// <param name="id">The new invoice's id.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="group">The billing group; the invoice is addressed to it, with its terms and currency.</param>
    /// <param name="subscriptions">The members' subscriptions.</param>
    /// <param name="period">The billing period.</param>
    /// <param name="invoiceDate">The invoice date.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The draft; it has no lines when nothing falls due in the period.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CurrencyMismatchException">A subscription is priced in another currency than the group.</exception>
    public static Invoice Consolidate(InvoiceId id, TenantId tenant, BillingGroup group, IEnumerable<Subscription> subscriptions, BillingPeriod period, LocalDate invoiceDate, Instant now)
    {
        var lines = LinesFor(group, subscriptions, period);
        return Invoice.CreateDraft(id, tenant, GroupInvoice(group, invoiceDate) with { Lines = lines }, now);
    }

    /// <summary>Replaces members' separate draft invoices by one consolidated draft with the same lines, each stamped with its customer.</summary>
    /// <param name="id">The new invoice's id.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="group">The billing group.</param>
    /// <param name="invoices">The members' drafts, in one currency and tax mode.</param>
    /// <param name="invoiceDate">The consolidated invoice's date.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The consolidated draft; its totals equal the sums of the replaced invoices' totals.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="BillingGroupMembershipException">An invoice is for a customer outside the group.</exception>
    /// <exception cref="InvoiceStateException">An invoice is not a draft.</exception>
    /// <exception cref="CurrencyMismatchException">An invoice is in another currency than the group.</exception>
    /// <exception cref="InvoiceValidationException">The invoices mix tax modes.</exception>
    public static Invoice Consolidate(InvoiceId id, TenantId tenant, BillingGroup group, IReadOnlyList<Invoice> invoices, LocalDate invoiceDate, Instant now)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(invoices);
        var names = MemberNames(group);
        var lines = new List<InvoiceLine>(invoices.Sum(i => i.Lines.Count));
        var taxMode = invoices.Count > 0 ? invoices[0].TaxMode : TaxMode.Exclusive;
        foreach (var invoice in invoices.OrderBy(i => i.DueDate).ThenBy(i => i.CustomerId.Value, StringComparer.Ordinal))
        {
            if (!names.TryGetValue(invoice.CustomerId, out var name))
            {
                throw new BillingGroupMembershipException(group.Id, invoice.CustomerId, $"Invoice {invoice.Id} is for customer {invoice.CustomerId}, who is not in billing group {group.Id}.");
            }

            if (invoice.Status != InvoiceStatus.Draft)
            {
                throw new InvoiceStateException(invoice.Id, invoice.Status, "consolidate", "only drafts can be replaced by a consolidated invoice");
            }

            foreach (var line in invoice.Lines)
            {
                lines.Add(line with { CustomerId = invoice.CustomerId, CustomerName = name, OriginalDueDate = line.OriginalDueDate ?? invoice.DueDate });
            }
        }

        return Invoice.CreateDraft(id, tenant, GroupInvoice(group, invoiceDate) with { Lines = lines, TaxMode = taxMode }, now);
    }

    /// <summary>Spreads a payment over an invoice's lines, oldest due first, on top of what was already paid.</summary>
    /// <param name="invoice">The invoice, before the payment is recorded.</param>
    /// <param name="payment">The payment; above zero and at most the invoice's amount remaining.</param>
    /// <returns>One allocation per line that receives something; the amounts add up to <paramref name="payment"/> exactly.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="payment"/> is in another currency.</exception>
    /// <exception cref="InvoiceValidationException"><paramref name="payment"/> is not positive or exceeds what remains.</exception>
    public static IReadOnlyList<LineAllocation> AllocatePayment(Invoice invoice, Money payment)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (payment.Currency != invoice.Currency)
        {
            throw new CurrencyMismatchException(invoice.Currency, payment.Currency);
        }

        if (!payment.IsPositive || payment > invoice.AmountRemaining)
        {
            throw new InvoiceValidationException(invoice.Id, $"A payment to allocate must be above zero and at most the {invoice.AmountRemaining} remaining; got {payment}.");
        }

        var order = new int[invoice.Lines.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var due = invoice.DueDate;
        var lines = invoice.Lines;
        Array.Sort(order, (a, b) =>
        {
            var byDue = (lines[a].OriginalDueDate ?? due).CompareTo(lines[b].OriginalDueDate ?? due);
            return byDue != 0 ? byDue : a.CompareTo(b);
        });

        // Everything applied before this payment fills lines from the oldest; this payment continues from there.
        var before = invoice.AmountPaid.MinorUnits;
        var after = checked(before + payment.MinorUnits);
        var allocations = new List<LineAllocation>();
        long filled = 0;
        foreach (var index in order)
        {
            var line = lines[index];
            var size = Math.Max(0L, line.Total.MinorUnits);
            var lineStart = filled;
            var lineEnd = checked(filled + size);
            filled = lineEnd;
            var applied = Math.Max(0L, Math.Min(lineEnd, after) - Math.Max(lineStart, before));
            if (applied > 0)
            {
                allocations.Add(new LineAllocation(index, line.CustomerId, line.SubscriptionId, Money.FromMinorUnits(applied, invoice.Currency)));
            }

            if (filled >= after)
            {
                break;
            }
        }

        return allocations;
    }

    private static Dictionary<CustomerId, string> MemberNames(BillingGroup group)
    {
        var names = new Dictionary<CustomerId, string>(group.Members.Count);
        foreach (var member in group.Members)
        {
            names[member.CustomerId] = member.Name;
        }

        return names;
    }

    private static IEnumerable<BillingPeriod> ChargesIn(Subscription subscription, BillingPeriod period)
    {
        var anchor = subscription.BillingAnchor;
        var index = period.Start <= anchor ? 0 : IndexOf(subscription, period.Start);
        while (true)
        {
            if (subscription.ContractPeriods is { } periods && index >= periods)
            {
                yield break;
            }

            var charge = BillingCalendar.Period(anchor, subscription.Frequency, index);
            if (charge.Start >= period.End || (subscription.EndsOn is { } ends && charge.Start >= ends))
            {
                yield break;
            }

            yield return charge;
            index++;
        }
    }

    /// <summary>Gets the index of the first period that starts on or after <paramref name="periodStart"/>.</summary>
    private static int IndexOf(Subscription subscription, LocalDate periodStart)
    {
        // A first guess from calendar months alone (cheaper than Period.Between), corrected below by walking.
        var anchor = subscription.BillingAnchor;
        var months = ((periodStart.Year - anchor.Year) * 12) + periodStart.Month - anchor.Month;
        var index = Math.Max(0, months / BillingCalendar.MonthsIn(subscription.Frequency));
        while (BillingCalendar.PeriodStart(subscription.BillingAnchor, subscription.Frequency, index) < periodStart)
        {
            index++;
        }

        while (index > 0 && BillingCalendar.PeriodStart(subscription.BillingAnchor, subscription.Frequency, index - 1) >= periodStart)
        {
            index--;
        }

        return index;
    }

    /// <summary>Gets the customer id under which a billing group's consolidated invoices are filed: <c>group:&lt;group id&gt;</c>.</summary>
    /// <param name="groupId">The billing group.</param>
    /// <returns>The customer id.</returns>
    public static CustomerId GroupCustomerId(BillingGroupId groupId) => CustomerId.From("group:" + groupId.Value);

    private static NewInvoice GroupInvoice(BillingGroup group, LocalDate invoiceDate) =>
        new(GroupCustomerId(group.Id), group.Addressee, group.Currency, invoiceDate, group.Terms) { BillingGroupId = group.Id };
}
