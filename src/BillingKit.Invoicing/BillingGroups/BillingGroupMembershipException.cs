namespace BillingKit.Invoicing;

/// <summary>Thrown when a customer is added to a group it is already in, removed from one it is not in, or billed
/// through a group it does not belong to. Nothing is changed.</summary>
public sealed class BillingGroupMembershipException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="groupId">The billing group.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    public BillingGroupMembershipException(BillingGroupId groupId, CustomerId customerId, string message)
        : base(message)
    {
        GroupId = groupId;
        CustomerId = customerId;
    }

    /// <summary>Gets the billing group.</summary>
    public BillingGroupId GroupId { get; }

    /// <summary>Gets the customer.</summary>
    public CustomerId CustomerId { get; }
}
