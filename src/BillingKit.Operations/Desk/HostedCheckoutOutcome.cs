namespace BillingKit.Operations;

/// <summary>How a request for the provider's hosted checkout ended.</summary>
public enum HostedCheckoutOutcome
{
    /// <summary>The provider made a checkout page; send the customer to its address.</summary>
    Opened = 0,

    /// <summary>The provider hosts no checkout (offline payments), or not in the invoice's currency. Nothing was
    /// written but the audit record; show the host's own payment instructions instead.</summary>
    NotOffered = 1,

    /// <summary>The invoice cannot be paid now: a draft, void or paid invoice, or nothing remains to pay.</summary>
    InvoiceNotPayable = 2,

    /// <summary>Neither the invoice's customer nor the tenant's billing account has an email address, which the
    /// provider's page needs.</summary>
    NoPayerEmail = 3,
}
