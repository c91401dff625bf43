using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BillingKit.Invoicing.Tests;

/// <summary>Services over the in-memory stores, with a fake clock at 2026-01-01 and a notifier that records.</summary>
internal sealed class TestBed : IDisposable
{
    private readonly ServiceProvider _provider;

    public TestBed(Action<InvoicingOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IInvoicingNotifier>(Notifier);
        services.AddBillingKitCore().AddInvoicing(configure);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static TenantId Tenant { get; } = TenantId.From("acme");

    public FakeClock Clock { get; } = FakeClock.AtNewYear2026();

    public RecordingNotifier Notifier { get; } = new();

    public InvoiceService Invoices => _provider.GetRequiredService<InvoiceService>();

    public SubscriptionService Subscriptions => _provider.GetRequiredService<SubscriptionService>();

    public BillingGroupService Groups => _provider.GetRequiredService<BillingGroupService>();

    public PurchaseOrderService Orders => _provider.GetRequiredService<PurchaseOrderService>();

    public IUnitOfWorkFactory Units => _provider.GetRequiredService<IUnitOfWorkFactory>();

    public void Dispose() => _provider.Dispose();
}

internal sealed class RecordingNotifier : IInvoicingNotifier
{
    public List<PurchaseOrder> Rejected { get; } = [];

    public List<PurchaseOrder> Approved { get; } = [];

    public ValueTask PurchaseOrderRejectedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        lock (Rejected)
        {
            Rejected.Add(order);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PurchaseOrderApprovedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        lock (Approved)
        {
            Approved.Add(order);
        }

        return ValueTask.CompletedTask;
    }
}

internal static class Sample
{
    public static readonly CustomerId Customer = CustomerId.From("cus_ministry");

    public static readonly InvoiceParty Party = new(
        "Ministry of Works",
        new PostalAddress("1 Government Way", null, "Abuja", "FCT", "900001", "NG"),
        "accounts@works.example.gov");

    public static Money Usd(decimal amount) => Money.FromMajor(amount, Currency.USD);

    public static NewInvoice NewInvoice(params InvoiceLine[] lines) =>
        new(Customer, Party, Currency.USD, new LocalDate(2026, 1, 1), PaymentTerms.Net30) { Lines = lines };

    public static Invoice Draft(params InvoiceLine[] lines) =>
        Invoice.CreateDraft(InvoiceId.New(), TestBed.Tenant, NewInvoice(lines), Instant.FromUtc(2026, 1, 1, 0, 0));

    public static InvoiceLine Line(decimal unitPrice, decimal quantity = 1m, decimal taxRate = 0m) =>
        InvoiceLine.Create("Pro plan", Usd(unitPrice), quantity, taxRate);
}
