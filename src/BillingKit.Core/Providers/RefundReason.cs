namespace BillingKit.Providers;

/// <summary>Why money is returned. Adapters map it onto the provider's own reasons where it has some, and always
/// store our reason with the refund.</summary>
public enum RefundReason
{
    /// <summary>The customer asked for it.</summary>
    RequestedByCustomer = 0,

    /// <summary>The customer was charged twice.</summary>
    Duplicate = 1,

    /// <summary>The payment was fraudulent.</summary>
    Fraudulent = 2,

    /// <summary>A goodwill gesture or service credit paid out.</summary>
    Goodwill = 3,

    /// <summary>The service was not delivered as promised.</summary>
    ServiceIssue = 4,

    /// <summary>Anything else; say what in <see cref="RefundRequest.Note"/>.</summary>
    Other = 5,
}
