namespace BillingKit.Invoicing;

/// <summary>A credit note to issue: its amount and how it splits into refund, credit to balance and write-off.</summary>
/// <param name="Id">The credit note's id; issuing the same id twice issues it once.</param>
/// <param name="Amount">The amount credited.</param>
/// <param name="Refund">The part to refund to the customer's payment method.</param>
/// <param name="CreditToBalance">The part to add to the customer's credit balance.</param>
/// <param name="WrittenOff">The part written off.</param>
/// <param name="Reason">Why; printed on the credit note.</param>
public sealed record CreditNoteRequest(CreditNoteId Id, Money Amount, Money Refund, Money CreditToBalance, Money WrittenOff, string Reason);
