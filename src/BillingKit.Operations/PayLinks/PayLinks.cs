using NodaTime;

namespace BillingKit.Operations;

/// <summary>The pure parts of pay links: new claims, and the status of authentic claims at an instant.</summary>
internal static class PayLinks
{
    public static PayLinkClaims NewClaims(TenantId tenant, InvoiceId invoice, Instant now, Duration lifetime) =>
        new("pl_" + Guid.NewGuid().ToString("N"), tenant, invoice, now, now + lifetime);

    /// <summary>Valid before <see cref="PayLinkClaims.ExpiresAt"/>, expired from it on.</summary>
    public static PayLinkStatus StatusAt(PayLinkClaims claims, Instant now) =>
        now < claims.ExpiresAt ? PayLinkStatus.Valid : PayLinkStatus.Expired;
}
