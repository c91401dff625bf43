namespace BillingKit.Operations;

/// <summary>A credit approval request could not be approved or rejected. Nothing was changed.</summary>
public sealed class CreditApprovalException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="failure">Why it could not be decided.</param>
    /// <param name="detail">What exactly was wrong and what to do.</param>
    public CreditApprovalException(string requestId, CreditApprovalFailure failure, string detail)
        : base($"Credit approval request '{requestId}' cannot be decided: {detail}.")
    {
        RequestId = requestId;
        Failure = failure;
    }

    /// <summary>Gets the request's id.</summary>
    public string RequestId { get; }

    /// <summary>Gets why it could not be decided.</summary>
    public CreditApprovalFailure Failure { get; }
}
