namespace BillingKit.Dunning;

/// <summary>How the lifecycle treats a tenant, as its contract says.</summary>
public enum ContractMode
{
    /// <summary>Auto: automatic retries on the schedule and stage progression by days past due.</summary>
    Standard = 0,

    /// <summary>Manual (wire or purchase-order payers): no automatic retries, and the state never changes except
    /// by an admin override or a successful payment. Failures are recorded and shown in the desk view.</summary>
    Enterprise = 1,

    /// <summary>No retry: no automatic retries, and never automatically <see cref="DunningState.Restricted"/>,
    /// <see cref="DunningState.Suspended"/> or <see cref="DunningState.Unpaid"/>; progression stops at
    /// <see cref="DunningState.Degraded"/>. Only an admin can go further.</summary>
    Government = 2,
}
