namespace BillingKit.Ledger;

/// <summary>What a ledger transaction records.</summary>
public enum LedgerTransactionKind
{
    /// <summary>A charge for an invoice or a one-off item: consumes the credit balance first, the rest becomes receivable.</summary>
    Charge = 0,

    /// <summary>Money received: settles open charges (oldest due first unless told otherwise), any excess becomes credit balance.</summary>
    Payment = 1,

    /// <summary>Money given back against a payment, partly or in full.</summary>
    Refund = 2,

    /// <summary>A credit granted to the tenant (goodwill, promotional, correction): settles open charges, the rest becomes credit balance.</summary>
    Credit = 3,

    /// <summary>A retail card payment reversed through the provider.</summary>
    ChargeBack = 4,

    /// <summary>A paid (typically corporate) payment voided: what it settled is owed again.</summary>
    PaymentCancellation = 5,

    /// <summary>A manual adjustment of what the tenant owes, up or down.</summary>
    Adjustment = 6,
}
