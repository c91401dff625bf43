using NodaTime;

namespace BillingKit.Operations;

/// <summary>Payments over a period: income, outstanding balance, success and failure rates, average payment value.</summary>
/// <param name="From">The first day of the period, inclusive (in each tenant's time zone).</param>
/// <param name="To">The last day of the period, inclusive.</param>
/// <param name="SuccessfulPayments">Payments paid in the period (their payment date falls in it), all currencies.</param>
/// <param name="FailedPayments">Collection attempts that failed in the period, all currencies.</param>
/// <param name="SuccessRate">Successful payments out of all outcomes (successful + failed), exact.</param>
/// <param name="FailureRate">Failed attempts out of all outcomes, exact; with <paramref name="SuccessRate"/> it adds
/// up to one.</param>
/// <param name="Totals">The money figures per currency, ordered by currency code.</param>
public sealed record PaymentReport(
    LocalDate From,
    LocalDate To,
    int SuccessfulPayments,
    int FailedPayments,
    Rate SuccessRate,
    Rate FailureRate,
    IReadOnlyList<PaymentTotals> Totals);
