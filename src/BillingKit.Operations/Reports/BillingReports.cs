using BillingKit.Ledger;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// The desk's reports, read from the contexts' stores for the tenants in the directory: tenant billing monitoring
/// (MRR per currency, subscription counts, the tenant table and a tenant's detail) and payment reports over a period.
/// Reads only: each demands <see cref="DeskPermission.ViewReports"/> and writes nothing.
/// </summary>
/// <remarks>Amounts are <see cref="Money"/> and rates exact <see cref="Rate"/> fractions; the only rounding is stated
/// where it happens (<see cref="BillingMetrics.MonthlyAmount"/>, <see cref="PaymentTotals.AveragePaymentValue"/>).
/// Thread-safe; registered as a singleton.</remarks>
public sealed class BillingReports
{
    private readonly TenantBillingReader _reader;
    private readonly IClock _clock;
    private readonly DeskViewOptions _options;

    internal BillingReports(TenantBillingReader reader, IClock clock, IOptions<DeskViewOptions> options)
    {
        _reader = reader;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Tenant billing monitoring: MRR normalized to a month per currency, counts of active, trial, past-due
    /// and canceled subscriptions, and the tenant table (name, plan, status, provider, last payment date, MRR
    /// contribution).</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewReports"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view reports.</exception>
    [DeskQuery(DeskPermission.ViewReports)]
    public async Task<BillingMonitoringReport> GetMonitoringAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewReports);
        var now = _clock.GetCurrentInstant();
        var rows = new List<TenantReportRow>();
        var lines = new List<SubscriptionReportLine>();
        foreach (var account in await _reader.Accounts.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var (row, subscriptions, _, _) = await ReadTenantAsync(account, now, cancellationToken).ConfigureAwait(false);
            rows.Add(row);
            lines.AddRange(subscriptions);
        }

        var counts = new SubscriptionCounts(
            lines.Count(l => l.Status == SubscriptionReportStatus.Active),
            lines.Count(l => l.Status == SubscriptionReportStatus.Trial),
            lines.Count(l => l.Status == SubscriptionReportStatus.PastDue),
            lines.Count(l => l.Status == SubscriptionReportStatus.Canceled));
        var mrr = BillingMetrics.SumByCurrency(lines.Where(l => BillingMetrics.CountsInMrr(l.Status)).Select(l => l.MonthlyAmount));
        return new BillingMonitoringReport(now, mrr, counts, rows);
    }

    /// <summary>The monitoring report's detail view of one tenant: its row, each subscription with its status and
    /// MRR contribution, balances, dunning record and recent payments.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewReports"/>.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detail.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view reports.</exception>
    /// <exception cref="InvalidTenantAccountException">The tenant is not registered in the directory.</exception>
    [DeskQuery(DeskPermission.ViewReports)]
    public async Task<TenantReportDetail> GetTenantDetailAsync(Actor actor, TenantId tenant, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewReports);
        var account = await _reader.RequireAccountAsync(tenant, cancellationToken).ConfigureAwait(false);
        var (row, subscriptions, balances, dunning) = await ReadTenantAsync(account, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        var payments = await _reader.RecentPaymentsAsync(tenant, _options.RecentItems, cancellationToken).ConfigureAwait(false);
        return new TenantReportDetail(row, account, subscriptions, balances, dunning, payments);
    }

    /// <summary>Payments over a period, across the tenants in the directory: total income, outstanding balance and
    /// average payment value per currency; successful payments, failed attempts, and the success and failure rates as
    /// exact fractions.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewReports"/>.</param>
    /// <param name="from">The first day, inclusive, in each tenant's time zone.</param>
    /// <param name="to">The last day, inclusive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view reports.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <remarks>A success is a payment whose status is paid and whose payment date is in the period; a failure is a
    /// collection attempt that ended failed in the period (the day it ended, in the tenant's time zone), so a payment
    /// that failed twice and then succeeded counts as two failures and one success.</remarks>
    [DeskQuery(DeskPermission.ViewReports)]
    public async Task<PaymentReport> GetPaymentReportAsync(Actor actor, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewReports);
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:uuuu-MM-dd}) before it starts ({from:uuuu-MM-dd}); expected From <= To, both inclusive.", nameof(to));
        }

        var paid = new List<Money>();
        var outstanding = new List<Money>();
        var failures = 0;
        foreach (var account in await _reader.Accounts.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var payment in await _reader.AllPaymentsAsync(account.Tenant, cancellationToken).ConfigureAwait(false))
            {
                if (payment.Status == PaymentStatus.Paid && payment.PaymentDate is { } date && date >= from && date <= to)
                {
                    paid.Add(payment.Amount);
                }

                failures += payment.Attempts.Count(a =>
                    a.Outcome == PaymentStatus.Failed && a.EndedAt is { } ended && ended.InZone(account.TimeZone).Date is var day && day >= from && day <= to);
            }

            outstanding.AddRange((await _reader.BalancesAsync(account.Tenant, cancellationToken).ConfigureAwait(false)).Select(b => b.AmountDue));
        }

        var totals = paid.Select(m => m.Currency)
            .Concat(outstanding.Where(m => !m.IsZero).Select(m => m.Currency))
            .Distinct()
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(currency =>
            {
                var received = paid.Where(m => m.Currency == currency).ToList();
                var income = received.Aggregate(Money.Zero(currency), (sum, m) => sum + m);
                var owed = outstanding.Where(m => m.Currency == currency).Aggregate(Money.Zero(currency), (sum, m) => sum + m);
                Money? average = received.Count == 0 ? null : income.Divide(received.Count, RoundingMode.HalfEven);
                return new PaymentTotals(currency, income, owed, received.Count, average);
            })
            .ToList();
        var outcomes = paid.Count + failures;
        return new PaymentReport(from, to, paid.Count, failures, new Rate(paid.Count, outcomes), new Rate(failures, outcomes), totals);
    }

    private async ValueTask<(TenantReportRow Row, IReadOnlyList<SubscriptionReportLine> Lines, IReadOnlyList<LedgerBalances> Balances, Dunning.DunningSnapshot? Dunning)> ReadTenantAsync(
        TenantAccount account,
        Instant now,
        CancellationToken cancellationToken)
    {
        var today = now.InZone(account.TimeZone).Date;
        var dunning = await _reader.DunningAsync(account.Tenant, cancellationToken).ConfigureAwait(false);
        var lines = (await _reader.SubscriptionsAsync(account, cancellationToken).ConfigureAwait(false))
            .Select(s =>
            {
                var status = BillingMetrics.Classify(s, dunning?.State, today);
                return new SubscriptionReportLine(s, status, BillingMetrics.CountsInMrr(status) ? BillingMetrics.MonthlyAmount(s) : Money.Zero(s.Price.Currency));
            })
            .ToList();
        var lastPayment = await _reader.LastPaymentDateAsync(account.Tenant, cancellationToken).ConfigureAwait(false);
        var row = new TenantReportRow(
            account.Tenant,
            account.Name,
            await _reader.PlanAsync(account, cancellationToken).ConfigureAwait(false),
            BillingMetrics.TenantStatus(lines.Select(l => l.Status)),
            dunning?.State,
            account.Provider,
            lastPayment,
            BillingMetrics.SumByCurrency(lines.Where(l => BillingMetrics.CountsInMrr(l.Status)).Select(l => l.MonthlyAmount)));
        var balances = await _reader.BalancesAsync(account.Tenant, cancellationToken).ConfigureAwait(false);
        return (row, lines, balances, dunning);
    }
}
