namespace BillingKit.Dunning;

/// <summary>Something the host must do because of a decision: attempt a charge, schedule a retry, notify the tenant,
/// change the access level. The machine only decides; the desk (BillingKit.Operations) or the host carries effects out.</summary>
public abstract record DunningEffect;
