using NodaTime;

namespace BillingKit.Operations;

/// <summary>One payment attempt's outcome, as the mass payment failure detector sees it.</summary>
/// <param name="Tenant">The tenant whose payment it was.</param>
/// <param name="At">When the outcome was seen.</param>
/// <param name="Succeeded">Whether the payment succeeded.</param>
internal readonly record struct PaymentOutcomeSample(TenantId Tenant, Instant At, bool Succeeded);
