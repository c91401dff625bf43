using BillingKit.Dunning;
using BillingKit.Invoicing;
using BillingKit.Ledger;

namespace BillingKit.Operations;

/// <summary>What recording a payment against an invoice did.</summary>
/// <param name="Payment">The ledger payment record (paid).</param>
/// <param name="Invoice">The invoice after the payment (paid when nothing remains).</param>
/// <param name="AlreadyRecorded">Whether this payment had been recorded before (a retry): nothing was written twice.</param>
/// <param name="Dunning">The dunning decision for the payment-succeeded event when the invoice became paid and the
/// tenant is in dunning; otherwise <see langword="null"/>.</param>
public sealed record RecordedPayment(PaymentRecord Payment, Invoice Invoice, bool AlreadyRecorded, DunningDecision? Dunning);
