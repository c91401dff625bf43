namespace BillingKit.Operations;

/// <summary>How many subscriptions are in each report status.</summary>
/// <param name="Active">Active subscriptions.</param>
/// <param name="Trial">Subscriptions in a trial.</param>
/// <param name="PastDue">Past-due subscriptions.</param>
/// <param name="Canceled">Canceled subscriptions.</param>
public sealed record SubscriptionCounts(int Active, int Trial, int PastDue, int Canceled)
{
    /// <summary>Gets the number of subscriptions counted.</summary>
    public int Total => Active + Trial + PastDue + Canceled;
}
