using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations.Tests.Desk;

/// <summary>
/// A billing desk wired as a host would: Core, the four contexts, the payment providers (offline + a fake card
/// provider), the desk foundation and the money desk, over the in-memory stores, with a <see cref="FakeClock"/> at
/// 2026-01-01 00:00 UTC. Helpers arrange a tenant's state the way the contexts would have recorded it.
/// </summary>
public sealed class MoneyDeskHost : IAsyncDisposable
{
    public static readonly TenantId Tenant = DeskFixture.Tenant;
    public static readonly CustomerId Customer = CustomerId.From("cus_acme");
    public static readonly Plan Starter = Plan.Create(PlanId.From("starter"), "Starter").WithQuota(Metric.Seats, 5);
    public static readonly Plan Growth = Plan.Create(PlanId.From("growth"), "Growth").WithQuota(Metric.Seats, 50);

    private MoneyDeskHost(ServiceProvider services, FakeClock clock, FakeCardProvider card)
    {
        Services = services;
        Clock = clock;
        Card = card;
    }

    public ServiceProvider Services { get; }

    public FakeClock Clock { get; }

    public FakeCardProvider Card { get; }

    public RefundDesk Refunds => Get<RefundDesk>();

    public CreditDesk Credits => Get<CreditDesk>();

    public PaymentDesk Payments => Get<PaymentDesk>();

    public CheckoutDesk Checkout => Get<CheckoutDesk>();

    public InvoiceDesk Invoices => Get<InvoiceDesk>();

    public DisputeDesk Disputes => Get<DisputeDesk>();

    public SubscriptionDesk Subscriptions => Get<SubscriptionDesk>();

    public PlanChangeProcessor PlanChanges => Get<PlanChangeProcessor>();

    public ProviderEventProcessor Events => Get<ProviderEventProcessor>();

    public LedgerService Ledger => Get<LedgerService>();

    public static MoneyDeskHost Create(Action<BillingDeskOptions>? configure = null)
    {
        var clock = FakeClock.AtNewYear2026();
        var card = new FakeCardProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddLogging();
        services.AddBillingKitCore()
            .AddLedger()
            .AddDunning()
            .AddEntitlements(o =>
            {
                o.Plans.Add(Starter);
                o.Plans.Add(Growth);
            })
            .AddInvoicing(o => o.ManualPaymentInstructions = "Wire to ACME Bank, quoting the invoice number.")
            .AddPaymentProviders()
            .AddDeskFoundation(o =>
            {
                o.PayLinks.SigningKey = DeskFixture.SigningKey;
                configure?.Invoke(o);
            })
            .AddMoneyDesk();
        services.AddSingleton(new PaymentProviderRegistration(ProviderName.Stripe, PaymentProviderRegistration.DefaultAccount, _ => card));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new MoneyDeskHost(provider, clock, card);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static DeskRequest Request(Actor actor, string reason = "Customer asked on the phone", string? correlationId = null) =>
        new(actor, Tenant, reason, correlationId);

    /// <summary>A card payment the tenant made through Stripe: charged, then paid, with the provider's charge id.</summary>
    public async Task<PaymentId> PaidCardPaymentAsync(string id, decimal amount, string chargeId, SubscriptionId? subscription = null, LocalDate? paidOn = null)
    {
        var payment = PaymentId.From(id);
        var money = Money.FromMajor(amount, Currency.USD);
        var due = paidOn ?? new LocalDate(2026, 1, 1);
        await Ledger.PostChargeAsync(Tenant, new ChargeRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("test-charge", id),
            Actor = Actor.System,
            Amount = money,
            DueDate = due,
            Customer = Customer,
            Subscription = subscription,
        });
        await ExpectCardPaymentAsync(id, amount, subscription, due);
        await Ledger.MarkAsPaidAsync(Tenant, new MarkAsPaidRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("test-paid", id),
            Actor = Actor.System,
            Payment = payment,
            PaymentDate = due,
            Method = PaymentMethod.Card,
            ProviderReference = chargeId,
        });
        return payment;
    }

    /// <summary>A card payment the ledger expects (pending), as a subscription's schedule would have recorded it.</summary>
    public async Task<PaymentId> ExpectCardPaymentAsync(string id, decimal amount, SubscriptionId? subscription = null, LocalDate? due = null, InvoiceId? invoice = null, string? invoiceNumber = null)
    {
        var payment = PaymentId.From(id);
        await Ledger.RecordPaymentAsync(Tenant, new RecordPaymentRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("test-record", id),
            Actor = Actor.System,
            Payment = payment,
            Customer = Customer,
            Amount = Money.FromMajor(amount, Currency.USD),
            DueDate = due ?? new LocalDate(2026, 1, 1),
            Provider = ProviderName.Stripe,
            Method = PaymentMethod.Card,
            Subscription = subscription,
            Invoice = invoice,
            InvoiceNumber = invoiceNumber,
        });
        return payment;
    }

    /// <summary>Puts the tenant in dunning (standard mode) and on the starter plan.</summary>
    public async Task EnrollAsync()
    {
        await Get<DunningService>().EnrollAsync(Tenant);
        await Get<EntitlementService>().SetPlanAsync(Tenant, Starter.Id, new LocalDate(2026, 1, 1));
    }

    /// <summary>A monthly subscription at the given price, started on 2026-01-01.</summary>
    public async Task<Subscription> SubscribeAsync(decimal monthlyPrice, PlanId? plan = null) =>
        await Get<SubscriptionService>().CreateAsync(Tenant, new NewSubscription(Customer, plan ?? Starter.Id, Money.FromMajor(monthlyPrice, Currency.USD), BillingFrequency.Monthly, new LocalDate(2026, 1, 1)));

    public static NewInvoice ManualInvoice(decimal amount) => new(Customer, new InvoiceParty("ACME Ltd", Email: "billing@acme.test"), Currency.USD, new LocalDate(2026, 1, 1), PaymentTerms.Net30)
    {
        Lines = [InvoiceLine.Create("Annual support", Money.FromMajor(amount, Currency.USD))],
    };

    public async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync()
    {
        var page = await Get<IAuditLog>().QueryAsync(new AuditQuery { Tenant = Tenant, PageSize = AuditQuery.MaxPageSize });
        return [.. page.Records.Reverse()];
    }

    public async Task<int> LedgerTransactionCountAsync() => (await Ledger.GetTransactionsAsync(Tenant, 0, 500)).Count;

    public ValueTask<ITenantUnitOfWork> BeginAsync() => Get<IUnitOfWorkFactory>().BeginAsync(Tenant);

    public static Money Usd(decimal amount) => Money.FromMajor(amount, Currency.USD);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
