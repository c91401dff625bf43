namespace BillingKit.Invoicing;

/// <summary>How the money for an invoice is collected.</summary>
public enum CollectionMethod
{
    /// <summary>Charged through the standard flow (a payment provider, the customer's payment method).</summary>
    Automatic = 0,

    /// <summary>Paid outside the standard flow (wire transfer, government payment runs) following the invoice's
    /// payment instructions, and recorded by billing staff when the money arrives.</summary>
    Manual = 1,
}
