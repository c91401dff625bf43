using System.Collections.Concurrent;
using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations.Tests.Desk;
using BillingKit.Providers;
using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations.Tests;

/// <summary>
/// A whole desk built the way a host builds it: <c>services.AddBillingKit(...)</c> over the embedded stores, a fake
/// clock at 2026-01-01, two plans, a recording notifier and a capturing logger; plus helpers that arrange tenants
/// through the contexts' own services, as the host and the provider events would.
/// </summary>
public sealed class BillingKitDesk : IAsyncDisposable
{
    public static readonly PlanId Starter = PlanId.From("starter");
    public static readonly PlanId Pro = PlanId.From("pro");
    public static readonly Feature Sso = Feature.Of("sso");

    private BillingKitDesk(ServiceProvider services, FakeClock clock, CapturingLoggerProvider logs, RecordingNotifier notifier, FakeCardProvider card)
    {
        Services = services;
        Clock = clock;
        Logs = logs;
        Notifier = notifier;
        Card = card;
    }

    /// <summary>The card provider registered as Stripe (refunds, disputes).</summary>
    public FakeCardProvider Card { get; }

    public ServiceProvider Services { get; }

    public FakeClock Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingNotifier Notifier { get; }

    public InMemoryAuditLog Audit => (InMemoryAuditLog)Get<IAuditLog>();

    public static BillingKitDesk Create(Action<BillingKitOptions>? configure = null)
    {
        var clock = FakeClock.AtNewYear2026();
        var logs = new CapturingLoggerProvider();
        var notifier = new RecordingNotifier();
        var card = new FakeCardProvider();
        var services = new ServiceCollection();
        services.AddSingleton(new PaymentProviderRegistration(ProviderName.Stripe, PaymentProviderRegistration.DefaultAccount, _ => card));
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<ILoggerFactory>(new LoggerFactory([logs]));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IInvoicingNotifier>(notifier);
        services.AddBillingKit(o =>
        {
            o.Entitlements.Plans.Add(Plan.Create(Starter, "Starter").WithQuota(Metric.Verifications, 1_000).WithFeature(Sso, false));
            o.Entitlements.Plans.Add(Plan.Create(Pro, "Pro").WithQuota(Metric.Verifications, 10_000).WithQuota(Metric.Seats, 20).WithFeature(Sso, true));
            o.Desk.PayLinks.SigningKey = DeskFixture.SigningKey;
            o.Invoicing.ManualPaymentInstructions = "Wire to ACME Bank, quoting the invoice number.";
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new BillingKitDesk(provider, clock, logs, notifier, card);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public LocalDate Today => Clock.Now.InUtc().Date;

    public static DeskRequest Request(Actor actor, TenantId tenant, string reason = "Customer called about the March invoice") => new(actor, tenant, reason);

    public static TenantAccount Account(TenantId tenant, string name, string email, Currency? currency = null) => new()
    {
        Tenant = tenant,
        Name = name,
        BillingEmail = email,
        Contact = name + " billing",
        Plan = Pro,
        Provider = ProviderName.Stripe,
        ProviderCustomerId = "cus_" + tenant.Value,
        Currency = currency ?? Currency.USD,
    };

    public Task<TenantAccount> RegisterAsync(TenantId tenant, string name, string email, Currency? currency = null) =>
        RegisterAsync(Account(tenant, name, email, currency));

    public Task<TenantAccount> RegisterAsync(TenantAccount account) =>
        Get<TenantDirectory>().RegisterAsync(Request(DeskFixture.SuperAdmin, account.Tenant, "New customer signed up"), account);

    /// <summary>Enrols the tenant in dunning and reports a failed payment now, so it is past due.</summary>
    public async Task<DunningSnapshot> FailPaymentAsync(TenantId tenant, string declineCode = "insufficient_funds")
    {
        if (await Get<IDunningStore>().FindAsync(tenant) is null)
        {
            await Get<DunningService>().EnrollAsync(tenant);
        }

        return (await Get<DunningService>().ApplyAsync(tenant, new PaymentFailed(Clock.Now, declineCode))).Snapshot;
    }

    public Task<TenantEntitlements> PutOnPlanAsync(TenantId tenant, PlanId plan) =>
        Get<EntitlementService>().SetPlanAsync(tenant, plan, Today).AsTask();

    public Task<PurchaseOrder> SubmitPurchaseOrderAsync(TenantId tenant, string number = "PO-7781", decimal amount = 12_000m) =>
        Get<PurchaseOrderService>().SubmitAsync(tenant, new NewPurchaseOrder(CustomerId.From(tenant.Value), number, Money.FromMajor(amount, Currency.USD), Today, Today.PlusMonths(12))).AsTask();

    public Task<Subscription> SubscribeAsync(TenantId tenant, PlanId plan, Money price, BillingFrequency frequency, LocalDate? trialEnd = null) =>
        Get<SubscriptionService>().CreateAsync(tenant, new NewSubscription(CustomerId.From(tenant.Value), plan, price, frequency, Today) { TrialEnd = trialEnd }).AsTask();

    /// <summary>Charges the tenant, records the payment due on <paramref name="paidOn"/> and marks it paid by card
    /// on that day, with the provider's charge id <c>ch_</c> + the payment id.</summary>
    public async Task<PaymentRecord> PayAsync(TenantId tenant, string paymentId, Money amount, LocalDate paidOn, ProviderName? provider = null, SubscriptionId? subscription = null)
    {
        var ledger = Get<LedgerService>();
        var id = PaymentId.From(paymentId);
        await ledger.PostChargeAsync(tenant, new ChargeRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("charge", paymentId),
            Actor = Actor.System,
            Amount = amount,
            DueDate = paidOn,
            Customer = CustomerId.From(tenant.Value),
            Subscription = subscription,
        });
        await ledger.RecordPaymentAsync(tenant, new RecordPaymentRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("record", paymentId),
            Actor = Actor.System,
            Payment = id,
            Customer = CustomerId.From(tenant.Value),
            Amount = amount,
            DueDate = paidOn,
            Provider = provider ?? ProviderName.Stripe,
            Method = PaymentMethod.Card,
            Subscription = subscription,
        });
        var paid = await ledger.MarkAsPaidAsync(tenant, new MarkAsPaidRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("paid", paymentId),
            Actor = Actor.System,
            Payment = id,
            PaymentDate = paidOn,
            Method = PaymentMethod.Card,
            ProviderReference = "ch_" + paymentId,
        });
        return paid.Payment;
    }

    /// <summary>Records a payment due today whose collection attempt fails now.</summary>
    public async Task<PaymentRecord> FailAttemptAsync(TenantId tenant, string paymentId, Money amount, string declineCode = "card_declined")
    {
        var ledger = Get<LedgerService>();
        var id = PaymentId.From(paymentId);
        if (!(await ledger.QueryPaymentsAsync(tenant, new PaymentQuery { Search = paymentId })).Items.Any(p => p.Id == id))
        {
            await ledger.RecordPaymentAsync(tenant, new RecordPaymentRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("record", paymentId),
                Actor = Actor.System,
                Payment = id,
                Customer = CustomerId.From(tenant.Value),
                Amount = amount,
                DueDate = Today,
                Provider = ProviderName.Stripe,
            });
        }

        var attempt = Guid.NewGuid().ToString("N");
        await ledger.StartPaymentAttemptAsync(tenant, new StartPaymentAttemptRequest { IdempotencyKey = IdempotencyKey.Derive("start", paymentId, attempt), Actor = Actor.System, Payment = id });
        var failed = await ledger.MarkPaymentFailedAsync(tenant, new PaymentFailedRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("fail", paymentId, attempt),
            Actor = Actor.System,
            Payment = id,
            FailureReason = "Card declined",
            DeclineCode = declineCode,
        });
        return failed.Payment;
    }

    public async Task<IReadOnlyList<AuditRecord>> AuditRecordsAsync(TenantId? tenant = null)
    {
        var records = new List<AuditRecord>();
        string? token = null;
        do
        {
            var page = await Audit.QueryAsync(new AuditQuery { Tenant = tenant, PageSize = AuditQuery.MaxPageSize, PageToken = token });
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token is not null);

        records.Reverse();
        return records;
    }

    public ValueTask<ITenantUnitOfWork> BeginAsync(TenantId tenant) => Get<IUnitOfWorkFactory>().BeginAsync(tenant);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>Keeps what the desk told customers about purchase orders.</summary>
public sealed class RecordingNotifier : IInvoicingNotifier
{
    private readonly ConcurrentQueue<(string Kind, TenantId Tenant, PurchaseOrder Order)> _sent = new();

    public IReadOnlyList<(string Kind, TenantId Tenant, PurchaseOrder Order)> Sent => [.. _sent];

    /// <summary>Runs when a notification is sent, to look at what was committed by then.</summary>
    public Func<TenantId, PurchaseOrder, ValueTask>? OnSend { get; set; }

    public async ValueTask PurchaseOrderRejectedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(("rejected", tenant, order));
        if (OnSend is { } onSend)
        {
            await onSend(tenant, order);
        }
    }

    public async ValueTask PurchaseOrderApprovedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(("approved", tenant, order));
        if (OnSend is { } onSend)
        {
            await onSend(tenant, order);
        }
    }
}
