namespace BillingKit.Invoicing;

/// <summary>Whether the unit prices on an invoice include tax.</summary>
public enum TaxMode
{
    /// <summary>Prices exclude tax: tax is added on top of each line's amount.</summary>
    Exclusive = 0,

    /// <summary>Prices include tax: each line's tax is taken out of its gross amount.</summary>
    Inclusive = 1,
}
