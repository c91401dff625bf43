namespace BillingKit.Invoicing;

/// <summary>Thrown when a subscription is asked to do something its status does not allow. Nothing is changed.</summary>
public sealed class SubscriptionStateException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="status">Its current status.</param>
    /// <param name="action">What was attempted.</param>
    /// <param name="expected">What the action requires.</param>
    public SubscriptionStateException(SubscriptionId subscriptionId, SubscriptionStatus status, string action, string expected)
        : base($"Cannot {action} subscription {subscriptionId} because it is {status}; {expected}.")
    {
        SubscriptionId = subscriptionId;
        Status = status;
    }

    /// <summary>Gets the subscription.</summary>
    public SubscriptionId SubscriptionId { get; }

    /// <summary>Gets the status it was in.</summary>
    public SubscriptionStatus Status { get; }
}
