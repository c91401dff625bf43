using NodaTime;

namespace BillingKit.Operations;

/// <summary>What a pay link says: which invoice of which tenant, and when it was issued and expires.</summary>
/// <param name="LinkId">The link's id, such as <c>pl_...</c>; revocation names it.</param>
/// <param name="Tenant">The tenant.</param>
/// <param name="Invoice">The invoice to pay.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it expires (exclusive: at this instant it is expired).</param>
public sealed record PayLinkClaims(string LinkId, TenantId Tenant, InvoiceId Invoice, Instant IssuedAt, Instant ExpiresAt);
