using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Invoicing.Pdf;
using NodaTime;

namespace BillingKit.Sample.Seeding;

/// <summary>
/// The sample's fixed book: plans, tenants and dates. Everything is deterministic, so every run (and every test)
/// sees the same tenants, the same amounts and the same invoice numbers.
/// </summary>
internal static class SampleCatalog
{
    public static readonly Currency Currency = Currency.USD;

    /// <summary>Subscriptions started on this day; the seeded book has billed January and February.</summary>
    public static readonly LocalDate FirstBillingDay = new(2026, 1, 1);

    /// <summary>The month the demo plays.</summary>
    public static readonly LocalDate DemoMonth = new(2026, 3, 1);

    /// <summary>Where the clock stands after seeding: the morning of the demo month's first day, before its billing run.</summary>
    public static readonly Instant SeededAt = Instant.FromUtc(2026, 3, 1, 8, 0);

    public static readonly Feature Sso = Feature.Of("sso");
    public static readonly Feature AuditExport = Feature.Of("audit_export");

    public static readonly Plan Starter = Plan.Create(PlanId.From("starter"), "Starter")
        .WithQuota(Metric.Verifications, 1_000)
        .WithQuota(Metric.AttestationsMint, 50)
        .WithQuota(Metric.WebhookEndpoints, 2)
        .WithQuota(Metric.Seats, 5)
        .WithFeature(Sso, false);

    public static readonly Plan Pro = Plan.Create(PlanId.From("pro"), "Pro")
        .WithQuota(Metric.Verifications, 10_000)
        .WithQuota(Metric.AttestationsMint, 500)
        .WithQuota(Metric.WebhookEndpoints, 5)
        .WithQuota(Metric.Seats, 25)
        .WithFeature(Sso, true);

    public static readonly Plan Enterprise = Plan.Create(PlanId.From("enterprise"), "Enterprise")
        .WithQuota(Metric.Verifications, 250_000)
        .WithQuota(Metric.AttestationsMint, 20_000)
        .WithQuota(Metric.WebhookEndpoints, 50)
        .WithQuota(Metric.Seats, Quota.Unlimited)
        .WithFeature(Sso, true)
        .WithFeature(AuditExport, true);

    public static readonly Plan Government = Plan.Create(PlanId.From("government"), "Government")
        .WithQuota(Metric.Verifications, 50_000)
        .WithQuota(Metric.AttestationsMint, 2_000)
        .WithQuota(Metric.WebhookEndpoints, 10)
        .WithQuota(Metric.Seats, 100)
        .WithFeature(Sso, true)
        .WithFeature(AuditExport, true);

    public static IReadOnlyList<Plan> Plans { get; } = [Starter, Pro, Enterprise, Government];

    public static SampleTenant Acme { get; } = new(
        TenantId.From("acme"), "Acme Analytics", "SaaS, card", Pro.Id, Usd(89m), ContractMode.Standard, Collection.Card, []);

    public static SampleTenant Globex { get; } = new(
        TenantId.From("globex"), "Globex Logistics", "SaaS, card", Pro.Id, Usd(249m), ContractMode.Standard, Collection.Card, []);

    public static SampleTenant Hooli { get; } = new(
        TenantId.From("hooli"), "Hooli Labs", "Start-up, card", Starter.Id, Usd(29m), ContractMode.Standard, Collection.Card, []);

    public static SampleTenant Initech { get; } = new(
        TenantId.From("initech"), "Initech Corporation", "Enterprise, wire + PO", Enterprise.Id, Usd(4_000m), ContractMode.Enterprise, Collection.Manual, []);

    public static SampleTenant Ministry { get; } = new(
        TenantId.From("ministry"), "Ministry of Digital Services", "Government, Net 30", Government.Id, Usd(1_500m), ContractMode.Government, Collection.Manual, []);

    public static SampleTenant Umbrella { get; } = new(
        TenantId.From("umbrella"), "Umbrella Health Group", "Billing group, 3 clinics", Pro.Id, Usd(89m), ContractMode.Standard, Collection.Group,
        ["North Clinic", "South Clinic", "East Clinic"]);

    public static IReadOnlyList<SampleTenant> Tenants { get; } = [Acme, Globex, Hooli, Initech, Ministry, Umbrella];

    /// <summary>Initech's purchase order: a year of the enterprise plan.</summary>
    public static readonly string InitechPurchaseOrderNumber = "PO-7731";

    public static readonly SellerDetails Seller = new("BillingKit Sample Cloud Ltd")
    {
        Address = new PostalAddress("200 Harbour Street", "Floor 3", "Dublin", null, "D02 XY45", "IE"),
        Email = "billing@sample-cloud.example",
        TaxId = "IE1234567T",
        PaymentInstructions = "Bank transfer to IBAN IE29 AIBK 9311 5212 3456 78 (BIC AIBKIE2D), quoting the invoice number.",
    };

    public const string ManualPaymentInstructions =
        "Wire to BillingKit Sample Cloud Ltd, IBAN IE29 AIBK 9311 5212 3456 78, BIC AIBKIE2D. Quote the invoice number.";

    public static Money Usd(decimal amount) => Money.FromMajor(amount, Currency.USD);

    public static bool TryFind(string id, out SampleTenant tenant)
    {
        tenant = Tenants.FirstOrDefault(t => string.Equals(t.Id.Value, id, StringComparison.OrdinalIgnoreCase))!;
        return tenant is not null;
    }

    public static Plan PlanOf(SampleTenant tenant) => Plans.First(p => p.Id == tenant.Plan);
}
