using NodaTime;

namespace BillingKit.Dunning;

/// <summary>An admin override as recorded for audit.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="At">When the admin acted.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Reason">Why.</param>
/// <param name="Description">What the override did, such as "Forced state Active".</param>
public sealed record DunningOverrideRecord(TenantId Tenant, Instant At, Actor Actor, string Reason, string Description);
