namespace BillingKit.Sample.Hosting;

/// <summary>
/// What seeding created that the services hand out ids for (subscriptions, the billing group, the purchase order):
/// the sample keeps them so commands can find them again. Everything else is read back from BillingKit.
/// </summary>
internal sealed class SampleBook
{
    public Dictionary<TenantId, List<SubscriptionId>> Subscriptions { get; } = [];

    public Dictionary<TenantId, BillingGroupId> Groups { get; } = [];

    public Dictionary<TenantId, PurchaseOrderId> PurchaseOrders { get; } = [];

    public IReadOnlyList<SubscriptionId> SubscriptionsOf(TenantId tenant) =>
        Subscriptions.TryGetValue(tenant, out var list) ? list : [];

    public void AddSubscription(TenantId tenant, SubscriptionId subscription)
    {
        if (!Subscriptions.TryGetValue(tenant, out var list))
        {
            list = [];
            Subscriptions[tenant] = list;
        }

        list.Add(subscription);
    }
}
