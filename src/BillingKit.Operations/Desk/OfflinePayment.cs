using NodaTime;

namespace BillingKit.Operations;

/// <summary>Money received outside any provider (wire, check, cash), as staff record it against an invoice.</summary>
/// <param name="Amount">The amount received, in the invoice's currency (at most what the invoice still owes).</param>
/// <param name="PaidOn">The date the money arrived.</param>
/// <param name="Method">How it was paid (wire, check, cash, bank transfer, ...).</param>
/// <param name="Reference">The payer's reference (check number, transfer id); with the invoice it identifies the
/// payment, so recording the same reference twice records it once.</param>
public sealed record OfflinePayment(Money Amount, LocalDate PaidOn, PaymentMethod Method, string Reference);
