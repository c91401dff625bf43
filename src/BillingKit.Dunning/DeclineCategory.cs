namespace BillingKit.Dunning;

/// <summary>What a provider's decline code means for the next step.</summary>
public enum DeclineCategory
{
    /// <summary>Soft decline (for example insufficient funds): retry later on the schedule; ask the customer to top up.</summary>
    RetryLater = 0,

    /// <summary>Transient provider or issuer error: retry soon.</summary>
    RetrySoon = 1,

    /// <summary>The issuer refused (for example do_not_honor): the customer must call their bank.</summary>
    ContactBank = 2,

    /// <summary>The card cannot be charged as it is (expired, wrong number): no retry until the payment method is updated.</summary>
    UpdatePaymentMethod = 3,

    /// <summary>Fraud, lost or stolen card: stop; never retry this payment method.</summary>
    Stop = 4,
}
