namespace BillingKit.Operations;

/// <summary>Why the desk is asked to refund, as the refund policy's rules see it.</summary>
public enum RefundCause
{
    /// <summary>Our or the provider's technical error charged the customer wrongly.</summary>
    TechnicalError = 0,

    /// <summary>The customer was charged twice for the same thing.</summary>
    DuplicateCharge = 1,

    /// <summary>A subscription renewed that the customer meant to cancel.</summary>
    AccidentalRenewal = 2,

    /// <summary>The customer asks for their money back for another reason.</summary>
    CustomerRequest = 3,

    /// <summary>The service was not delivered as promised.</summary>
    ServiceIssue = 4,

    /// <summary>A goodwill gesture.</summary>
    Goodwill = 5,
}
