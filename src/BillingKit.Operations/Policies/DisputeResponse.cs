namespace BillingKit.Operations;

/// <summary>How the dispute response policy suggests answering a dispute.</summary>
public enum DisputeResponse
{
    /// <summary>Accept it: the customer keeps the money.</summary>
    Accept = 0,

    /// <summary>Challenge it with evidence.</summary>
    Challenge = 1,

    /// <summary>No rule decides: a person looks at it.</summary>
    Review = 2,
}
