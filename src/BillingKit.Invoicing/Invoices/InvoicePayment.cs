using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>A payment recorded against an invoice, with how it was spread over the invoice's lines.</summary>
/// <param name="PaymentId">The payment's id; recording the same id twice records it once.</param>
/// <param name="InvoiceId">The invoice paid.</param>
/// <param name="Amount">The amount.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Allocations">Its parts per line, oldest due first; they add up to <paramref name="Amount"/>.</param>
public sealed record InvoicePayment(PaymentId PaymentId, InvoiceId InvoiceId, Money Amount, Instant RecordedAt, IReadOnlyList<LineAllocation> Allocations);
