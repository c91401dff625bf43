namespace BillingKit.Operations;

/// <summary>The money figures of a payment report in one currency.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="TotalIncome">The sum of the amounts of payments paid in the period (gross: refunds and charge-backs
/// are not deducted).</param>
/// <param name="OutstandingBalance">What tenants owe now (the ledger's amount due, summed over tenants); not limited to
/// the period.</param>
/// <param name="SuccessfulPayments">How many payments were paid in the period.</param>
/// <param name="AveragePaymentValue">Total income divided by the successful payments, rounded half to even to the
/// currency's minor unit; <see langword="null"/> when there were none.</param>
public sealed record PaymentTotals(Currency Currency, Money TotalIncome, Money OutstandingBalance, int SuccessfulPayments, Money? AveragePaymentValue);
