namespace BillingKit;

/// <summary>How money was paid or is to be paid.</summary>
public enum PaymentMethod
{
    /// <summary>A debit or credit card, usually through a payment provider.</summary>
    Card = 0,

    /// <summary>A bank transfer (ACH, SEPA credit transfer, local transfer).</summary>
    BankTransfer = 1,

    /// <summary>A direct debit (SEPA, Bacs, ACH debit) pulled from the payer's account.</summary>
    DirectDebit = 2,

    /// <summary>A paper check (cheque), recorded with its check number.</summary>
    Check = 3,

    /// <summary>Cash received in person.</summary>
    Cash = 4,

    /// <summary>An international or domestic wire transfer, recorded with its transfer reference.</summary>
    Wire = 5,

    /// <summary>A mobile-money wallet (M-Pesa, MTN MoMo), usually through a payment provider.</summary>
    MobileMoney = 6,
}
