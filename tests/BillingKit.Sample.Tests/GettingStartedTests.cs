using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Operations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BillingKit.Sample.Tests;

/// <summary>
/// The code of docs/getting-started.md, step by step, with its printed results as assertions: when the API changes
/// under the page, this test fails and the page gets updated with it.
/// </summary>
public sealed class GettingStartedTests
{
    [Fact]
    public async Task The_getting_started_page_registers_refunds_and_checks_a_quota()
    {
        var pro = Plan.Create(PlanId.From("pro"), "Pro")
            .WithQuota(Metric.Verifications, 10_000)
            .WithQuota(Metric.Seats, 25);

        var services = new ServiceCollection();
        services.AddBillingKit(o =>
        {
            o.Entitlements.Plans.Add(pro);
            o.Invoicing.ManualPaymentInstructions = "Wire to IBAN IE29 AIBK 9311 5212 3456 78, quoting the invoice number.";
        });
        await using var provider = services.BuildServiceProvider();

        var admin = new Actor("dana", BillingRole.BillingAdmin, "Dana");
        var finance = new Actor("fatima", BillingRole.Finance, "Fatima");
        var tenant = TenantId.From("acme");

        await provider.GetRequiredService<TenantDirectory>().RegisterAsync(
            new DeskRequest(admin, tenant, "New customer signed up"),
            new TenantAccount { Tenant = tenant, Name = "Acme Analytics", BillingEmail = "billing@acme.example", Currency = Currency.USD });
        await provider.GetRequiredService<EntitlementDesk>().SetPlanAsync(
            new DeskRequest(admin, tenant, "New customer signed up"), pro.Id, cycleAnchor: new LocalDate(2026, 1, 1));

        var invoice = await provider.GetRequiredService<InvoiceDesk>().CreateManualInvoiceAsync(
            new DeskRequest(finance, tenant, "Annual Pro plan"),
            new NewInvoice(CustomerId.From("acme"), new InvoiceParty("Acme Analytics"), Currency.USD, new LocalDate(2026, 1, 1), PaymentTerms.Net30)
            {
                Lines = [InvoiceLine.Create("Pro plan, 2026", Money.FromMajor(1_068m, Currency.USD))],
            });
        var paid = await provider.GetRequiredService<PaymentDesk>().RecordPaymentAsync(
            new DeskRequest(finance, tenant, "Wire received"),
            invoice.Id,
            new OfflinePayment(invoice.Total, new LocalDate(2026, 1, 20), PaymentMethod.Wire, "WIRE-0120"));
        Assert.Equal("INV-2026-00001: Paid", $"{invoice.Number}: {paid.Invoice.Status}");

        var refund = await provider.GetRequiredService<RefundDesk>().RefundAsync(
            new DeskRequest(admin, tenant, "Customer removed 4 seats; refund the difference"),
            paid.Payment.Id,
            Money.FromMajor(178m, Currency.USD),
            RefundCause.CustomerRequest);
        Assert.Equal("Refunded: USD 178.00 of USD 1068.00", $"{refund.Outcome}: {refund.Requested} of {refund.RefundableBefore}");

        await Assert.ThrowsAsync<PermissionDeniedException>(() => provider.GetRequiredService<RefundDesk>().RefundAsync(
            new DeskRequest(new Actor("sam", BillingRole.Support), tenant, "Customer asked"),
            paid.Payment.Id, Money.FromMajor(10m, Currency.USD), RefundCause.CustomerRequest));

        var gate = provider.GetRequiredService<EntitlementGate>();
        var decision = gate.TryConsume(tenant, Metric.Verifications, 1);
        Assert.Equal("True, 9999 left of 10000", $"{decision.IsAllowed}, {decision.Remaining} left of {decision.Limit}");
    }
}
