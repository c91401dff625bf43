using System.Reflection;
using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.TestUtilities;
using NodaTime;

namespace BillingKit.Operations.Tests.Conventions;

/// <summary>
/// Makes a valid call of any desk action on a fresh <see cref="BillingKitDesk"/>: the tenant <see cref="Tenant"/> is
/// seeded as a desk would find a customer on an ordinary day (registered, on the Pro plan, enrolled in dunning with a
/// failed payment, a subscription, an open invoice, a paid payment, a purchase order waiting for review), arguments
/// have defaults by type, and actions that need more (a forced state to clear, a pending approval to reject) have
/// arrangements by action and parameter. Arrangements may write audit records of their own; the harness does not
/// count them. A new action whose arguments cannot be made fails with a message saying what to add here.
/// </summary>
public sealed class ConventionArguments
{
    public static readonly TenantId Tenant = TenantId.From("ten_acme");

    private readonly Dictionary<(string Action, string Parameter), Func<SeededDesk, Task<object?>>> _arrangements = [];
    private readonly Dictionary<string, TenantId> _tenants = new(StringComparer.Ordinal);

    /// <summary>The arrangements for every desk action so far; new desk services add theirs here.</summary>
    public static ConventionArguments ForTheWholeDesk() => new ConventionArguments()
        .UseTenant("tenant.register", TenantId.From("ten_newco"))
        .Arrange("tenant.register", "account", _ => Task.FromResult<object?>(BillingKitDesk.Account(TenantId.From("ten_newco"), "NewCo", "billing@newco.example")))
        .Arrange("tenant.update", "account", async desk =>
            (await desk.Get<ITenantAccountStore>().FindAsync(Tenant))! with { BillingEmail = "ap@acme.example" })
        .Arrange("dunning.clear-forced-state", "request", async desk =>
        {
            await desk.Get<DunningService>().ApplyAsync(Tenant, new ForceStateOverride(desk.Clock.Now, DeskFixture.SuperAdmin, "Dispute open", ForcedState.Active));
            return null;
        })
        .Arrange("entitlements.revoke-grace", "graceId", async desk =>
            (await desk.Get<EntitlementService>().GrantGraceAsync(Tenant, Metric.Verifications, 100, 24, "Launch week")).Id)
        .Arrange("purchase-order.approve", "order", async desk => (await desk.Get<PurchaseOrderService>().GetReviewQueueAsync(Tenant)).Single().Id)
        .Arrange("purchase-order.reject", "order", async desk => (await desk.Get<PurchaseOrderService>().GetReviewQueueAsync(Tenant)).Single().Id)
        .Arrange("credit-approval.reject", "approvalId", async desk =>
        {
            var request = BillingKitDesk.Request(DeskFixture.OtherFinance, Tenant, "Goodwill for the outage");
            var pending = await desk.Get<DeskActionRunner>().RunAsync(
                new DeskAction("credit.issue", DeskPermission.IssueCredit),
                request,
                (scope, ct) => desk.Get<CreditApprovals>().SubmitAsync(scope, Money.FromMajor(500m, Currency.USD), "goodwill", null, ct),
                CancellationToken.None);
            return pending.Id;
        })
        .Arrange("pay-link.reissue", "expiredToken", async desk =>
        {
            var link = await desk.Get<PayLinkDesk>().IssueAsync(BillingKitDesk.Request(DeskFixture.Finance, Tenant, "Invoice sent"), desk.Invoice);
            desk.Clock.Advance(Duration.FromDays(8));
            return link.Token;
        })
        .Arrange("credit-approval.approve", "approvalId", async desk =>
        {
            var request = BillingKitDesk.Request(DeskFixture.OtherFinance, Tenant, "Goodwill for the outage");
            var pending = await desk.Get<CreditDesk>().IssueCreditAsync(request, Money.FromMajor(500m, Currency.USD), CreditKind.Goodwill);
            return pending.Approval!.Id;
        })
        .Arrange("refund.unused-time", "payment", async desk =>
            (await desk.Desk.PayAsync(Tenant, "pay_unused", Money.FromMajor(99m, Currency.USD), desk.Today, subscription: desk.Subscription)).Id)
        .Arrange("subscription.extend-trial", "subscription", async desk =>
            (await desk.Desk.SubscribeAsync(Tenant, BillingKitDesk.Pro, Money.FromMajor(99m, Currency.USD), BillingFrequency.Monthly, desk.Today.PlusDays(14))).Id)
        .Arrange("subscription.extend-trial", "trialEnd", desk => Task.FromResult<object?>(desk.Today.PlusDays(30)))
        .Arrange("dispute.accept", "disputeId", OpenDisputeAsync)
        .Arrange("dispute.submit-evidence", "disputeId", OpenDisputeAsync)
        .Arrange("pay-link.revoke", "linkId", async desk =>
            (await desk.Get<PayLinkDesk>().IssueAsync(BillingKitDesk.Request(DeskFixture.Finance, Tenant, "Invoice sent"), desk.Invoice)).Claims.LinkId);

    private static async Task<object?> OpenDisputeAsync(SeededDesk desk)
    {
        await desk.Get<ProviderEventProcessor>().HandleAsync(Tenant, new DisputeOpenedEvent
        {
            Provider = ProviderName.Stripe,
            Account = "default",
            EventId = "evt_dispute_1",
            EventType = "charge.dispute.created",
            OccurredAt = desk.Clock.Now,
            ProviderDisputeId = "dp_1",
            ProviderPaymentId = "ch_" + desk.Payment.Value,
            Amount = Money.FromMajor(99m, Currency.USD),
            ResponseDueBy = desk.Clock.Now + Duration.FromDays(7),
            Reason = "product_not_received",
        });
        return "dp_1";
    }

    public ConventionArguments Arrange(string action, string parameter, Func<SeededDesk, Task<object?>> arrange)
    {
        _arrangements[(action, parameter)] = arrange;
        return this;
    }

    public ConventionArguments UseTenant(string action, TenantId tenant)
    {
        _tenants[action] = tenant;
        return this;
    }

    public TenantId TenantFor(string action) => _tenants.TryGetValue(action, out var tenant) ? tenant : Tenant;

    /// <summary>Seeds <see cref="Tenant"/> through the contexts' own services.</summary>
    public static async Task<SeededDesk> SeedAsync(BillingKitDesk desk)
    {
        await desk.RegisterAsync(Tenant, "Acme Corp", "billing@acme.example");
        await desk.PutOnPlanAsync(Tenant, BillingKitDesk.Pro);
        var subscription = await desk.SubscribeAsync(Tenant, BillingKitDesk.Pro, Money.FromMajor(99m, Currency.USD), BillingFrequency.Monthly);
        var invoices = desk.Get<InvoiceService>();
        var draft = await invoices.CreateDraftAsync(Tenant, new NewInvoice(CustomerId.From(Tenant.Value), new InvoiceParty("Acme Corp"), Currency.USD, desk.Today, PaymentTerms.Net30)
        {
            Lines = [InvoiceLine.Create("Pro plan, January", Money.FromMajor(99m, Currency.USD))],
        });
        await invoices.FinalizeAsync(Tenant, draft.Id);
        var payment = await desk.PayAsync(Tenant, "pay_seeded", Money.FromMajor(99m, Currency.USD), desk.Today);
        await desk.FailPaymentAsync(Tenant);
        await desk.SubmitPurchaseOrderAsync(Tenant);
        return new SeededDesk(desk, draft.Id, payment.Id, subscription.Id);
    }

    public async Task<IReadOnlyDictionary<string, object?>> BuildAsync(string action, MethodInfo method, SeededDesk desk)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in method.GetParameters())
        {
            var name = parameter.Name!;
            if (_arrangements.TryGetValue((action, name), out var arrange))
            {
                values[name] = await arrange(desk);
            }
            else if (Default(parameter.ParameterType, name, desk) is { } value)
            {
                values[name] = value;
            }
            else if (Nullable.GetUnderlyingType(parameter.ParameterType) is not null)
            {
                values[name] = null;
            }
            else if (parameter.ParameterType != typeof(DeskRequest)
                && parameter.ParameterType != typeof(Storage.ITenantUnitOfWork)
                && parameter.ParameterType != typeof(CancellationToken)
                && parameter.ParameterType != typeof(Actor))
            {
                throw new InvalidOperationException(
                    $"The convention harness cannot make '{name}' ({parameter.ParameterType.Name}) for {action}; add an arrangement in ConventionArguments.ForTheWholeDesk().");
            }
        }

        return values;
    }

    private static object? Default(Type type, string name, SeededDesk desk) => type switch
    {
        _ when type == typeof(InvoiceId) => desk.Invoice,
        _ when type == typeof(Uri) => new Uri("https://acme.example/billing/" + name),
        _ when type == typeof(PaymentId) => desk.Payment,
        _ when type == typeof(CustomerId) => CustomerId.From(Tenant.Value),
        _ when type == typeof(Money) => Money.FromMajor(25m, Currency.USD),
        _ when type == typeof(TenantId) || type == typeof(TenantId?) => Tenant,
        _ when type == typeof(AuditQuery) => new AuditQuery { Tenant = Tenant },
        _ when type == typeof(string) && name.Equals("search", StringComparison.Ordinal) => "acme",
        _ when type == typeof(PlanId) => BillingKitDesk.Starter,
        _ when type == typeof(LocalDate) => desk.Today,
        _ when type == typeof(ForcedState) => ForcedState.Suspended,
        _ when type == typeof(ContractMode) => ContractMode.Enterprise,
        _ when type == typeof(Metric) => Metric.Verifications,
        _ when type == typeof(Quota) => Quota.Of(50_000),
        _ when type == typeof(Feature) => BillingKitDesk.Sso,
        _ when type == typeof(int) && name.Contains("hours", StringComparison.OrdinalIgnoreCase) => 24,
        _ when type == typeof(int) && name.Equals("periods", StringComparison.Ordinal) => 1,
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 100L,
        _ when type == typeof(bool) => false,
        _ when type == typeof(SubscriptionId) => desk.Subscription,
        _ when type == typeof(ProviderName) => ProviderName.Stripe,
        _ when type == typeof(string) && name.Equals("providerChargeId", StringComparison.Ordinal) => "ch_" + desk.Payment.Value,
        _ when type == typeof(RefundCause) => RefundCause.TechnicalError,
        _ when type == typeof(CreditKind) => CreditKind.Goodwill,
        _ when type == typeof(CancellationTiming) => CancellationTiming.AtPeriodEnd,
        _ when type == typeof(PlanChange) => new PlanChange(BillingKitDesk.Starter, Money.FromMajor(49m, Currency.USD), PlanChangeTiming.AtPeriodEnd),
        _ when type == typeof(OfflinePayment) => new OfflinePayment(Money.FromMajor(99m, Currency.USD), desk.Today, PaymentMethod.BankTransfer, "WIRE-2026-0042"),
        _ when type == typeof(DisputeEvidenceText) => new DisputeEvidenceText { AccessActivityLog = "1,204 logins in December", ProductDescription = "Monthly subscription" },
        _ when type == typeof(NewInvoice) => new NewInvoice(CustomerId.From(Tenant.Value), new InvoiceParty("Acme Corp"), Currency.USD, desk.Today, PaymentTerms.Net30)
        {
            Lines = [InvoiceLine.Create("Annual support", Money.FromMajor(1_200m, Currency.USD))],
        },
        _ when type == typeof(string) && name.Equals("json", StringComparison.Ordinal) => """{"sso": true}""",
        _ => null,
    };
}

/// <summary>A desk after <see cref="ConventionArguments.SeedAsync"/>, with the ids it created.</summary>
public sealed record SeededDesk(BillingKitDesk Desk, InvoiceId Invoice, PaymentId Payment, SubscriptionId Subscription)
{
    public FakeClock Clock => Desk.Clock;

    public LocalDate Today => Desk.Today;

    public T Get<T>()
        where T : notnull => Desk.Get<T>();
}
