using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Operations;
using BillingKit.Providers;
using BillingKit.Sample.Hosting;
using NodaTime;

namespace BillingKit.Sample.Seeding;

/// <summary>
/// Seeds the sample's book: plans and dunning enrolment for six tenants, their subscriptions, Umbrella's billing
/// group, Initech's purchase orders, and two months of billing (January and February) on the simulated clock, then
/// some usage in March. Each run of the sample starts a fresh in-memory store, so this runs every time; it is
/// deterministic, so every run sees the same book.
/// </summary>
internal sealed class SampleSeeder(SampleHost host)
{
    /// <summary>The billing admin who set the tenants up.</summary>
    public static readonly Actor Onboarding = new("ops.onboarding", BillingRole.BillingAdmin, "Onboarding team");

    /// <summary>The steps <see cref="SeedAsync"/> reports through its progress callback.</summary>
    public const int Steps = 9;

    /// <summary>Seeds the book.</summary>
    /// <param name="step">Told after each of the <see cref="Steps"/> steps what was done, for a progress display.</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    public async Task SeedAsync(Action<string>? step = null, CancellationToken cancellationToken = default)
    {
        step ??= _ => { };
        var clock = host.Clock;
        clock.AdvanceTo(Instant.FromUtc(2026, 1, 1, 7, 0));
        foreach (var tenant in SampleCatalog.Tenants)
        {
            await OnboardAsync(tenant, cancellationToken);
            step($"Onboarded {tenant.Name}");
        }

        var run = new BillingRun(host);
        clock.AdvanceTo(Instant.FromUtc(2026, 1, 1, 9, 0));
        await run.BillDayAsync(new LocalDate(2026, 1, 1), cancellationToken);

        clock.AdvanceTo(Instant.FromUtc(2026, 1, 12, 10, 0));
        await ReceiveTransferAsync(SampleCatalog.Umbrella, new LocalDate(2026, 1, 1), "BT-UMB-0112", cancellationToken);
        clock.AdvanceTo(Instant.FromUtc(2026, 1, 20, 10, 0));
        await ReceiveTransferAsync(SampleCatalog.Initech, new LocalDate(2026, 1, 1), "WIRE-INI-0120", cancellationToken);
        clock.AdvanceTo(Instant.FromUtc(2026, 1, 28, 10, 0));
        await ReceiveTransferAsync(SampleCatalog.Ministry, new LocalDate(2026, 1, 1), "TRSY-2026-0412", cancellationToken);
        step("Billed and collected January");

        clock.AdvanceTo(Instant.FromUtc(2026, 2, 1, 9, 0));
        await run.BillDayAsync(new LocalDate(2026, 2, 1), cancellationToken);
        clock.AdvanceTo(Instant.FromUtc(2026, 2, 10, 10, 0));
        await ReceiveTransferAsync(SampleCatalog.Umbrella, new LocalDate(2026, 2, 1), "BT-UMB-0210", cancellationToken);

        // Initech asks for an extra onboarding workshop: a second purchase order waits for the desk's review.
        clock.AdvanceTo(Instant.FromUtc(2026, 2, 25, 15, 30));
        var orders = host.Get<PurchaseOrderService>();
        await orders.SubmitAsync(SampleCatalog.Initech.Id, new NewPurchaseOrder(
            SampleCatalog.Initech.Customer, "PO-7790", SampleCatalog.Usd(6_000m), new LocalDate(2026, 3, 1), new LocalDate(2026, 6, 30))
        {
            Reference = "Onboarding workshop for the Lagos office",
        }, cancellationToken);
        step("Billed and collected February");

        clock.AdvanceTo(SampleCatalog.SeededAt);
        await SeedUsageAsync(cancellationToken);
        step("Recorded March's usage so far");
    }

    private async Task OnboardAsync(SampleTenant tenant, CancellationToken cancellationToken)
    {
        var onboarding = new DeskRequest(Onboarding, tenant.Id, "New customer signed up");
        await RegisterAsync(onboarding, tenant, cancellationToken);
        await host.Get<EntitlementDesk>().SetPlanAsync(onboarding, tenant.Plan, SampleCatalog.FirstBillingDay, cancellationToken);
        await host.Get<DunningService>().EnrollAsync(tenant.Id, tenant.Mode, cancellationToken: cancellationToken);
        var subscriptions = host.Get<SubscriptionService>();

        var plan = SampleCatalog.PlanOf(tenant);
        if (tenant.Collection == Collection.Group)
        {
            var groups = host.Get<BillingGroupService>();
            var group = await groups.CreateAsync(tenant.Id, tenant.Name,
                new InvoiceParty(tenant.Name, new PostalAddress("1 Umbrella Plaza", null, "Raccoon City", "MO", "65201", "US"), $"accounts@{tenant.Id.Value}.example"),
                $"accounts@{tenant.Id.Value}.example", PaymentTerms.Net14, SampleCatalog.Currency, cancellationToken);
            host.Book.Groups[tenant.Id] = group.Id;
            foreach (var member in tenant.Members)
            {
                var customer = tenant.MemberCustomer(member);
                await groups.AddMemberAsync(tenant.Id, group.Id, new BillingGroupMember(customer, member), cancellationToken);
                var subscription = await subscriptions.CreateAsync(tenant.Id,
                    new NewSubscription(customer, plan.Id, tenant.Price, BillingFrequency.Monthly, SampleCatalog.FirstBillingDay)
                    {
                        Description = $"{plan.Name} plan",
                    }, cancellationToken);
                host.Book.AddSubscription(tenant.Id, subscription.Id);
            }

            return;
        }

        var own = await subscriptions.CreateAsync(tenant.Id,
            new NewSubscription(tenant.Customer, plan.Id, tenant.Price, BillingFrequency.Monthly, SampleCatalog.FirstBillingDay)
            {
                Description = $"{plan.Name} plan",
                ContractPeriods = tenant.Collection == Collection.Manual ? 12 : null,
            }, cancellationToken);
        host.Book.AddSubscription(tenant.Id, own.Id);

        if (tenant == SampleCatalog.Initech)
        {
            var orders = host.Get<PurchaseOrderService>();
            var order = await orders.SubmitAsync(tenant.Id, new NewPurchaseOrder(
                tenant.Customer, SampleCatalog.InitechPurchaseOrderNumber, SampleCatalog.Usd(48_000m), new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))
            {
                Reference = "Enterprise plan, 12 months",
            }, cancellationToken);
            await host.Get<PurchaseOrderDesk>().ApproveAsync(new DeskRequest(Onboarding, tenant.Id, "Signed enterprise agreement EA-2026-014"), order.Id, cancellationToken);
            host.Book.PurchaseOrders[tenant.Id] = order.Id;
        }
    }

    private async Task RegisterAsync(DeskRequest onboarding, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var card = tenant.Collection == Collection.Card;
        await host.Get<TenantDirectory>().RegisterAsync(onboarding, new TenantAccount
        {
            Tenant = tenant.Id,
            Name = tenant.Name,
            BillingEmail = $"billing@{tenant.Id.Value}.example",
            Contact = tenant.Segment,
            Plan = tenant.Plan,
            Provider = card ? SimulatedCardProvider.Name : ProviderName.Offline,
            ProviderCustomerId = card ? "cus_card_" + tenant.Id.Value : null,
            Customer = tenant.Customer,
            Currency = SampleCatalog.Currency,
        }, cancellationToken);
    }

    /// <summary>A bank transfer arrives for a manual invoice: the host's bank feed records it at the desk.</summary>
    private async Task ReceiveTransferAsync(SampleTenant tenant, LocalDate billed, string reference, CancellationToken cancellationToken)
    {
        var page = await host.Get<InvoiceService>().SearchAsync(tenant.Id, new InvoiceQuery { InvoiceDateFrom = billed, InvoiceDateTo = billed }, cancellationToken);
        var invoice = page.Items.Single(i => i.IsFinalized);
        var method = tenant.Collection == Collection.Group ? PaymentMethod.BankTransfer : PaymentMethod.Wire;
        await host.Get<PaymentDesk>().RecordPaymentAsync(
            new DeskRequest(Actor.System, tenant.Id, $"Bank feed: transfer {reference} received"),
            invoice.Id,
            new OfflinePayment(invoice.AmountRemaining, host.Clock.GetCurrentInstant().InUtc().Date, method, reference),
            cancellationToken);
    }

    private async Task SeedUsageAsync(CancellationToken cancellationToken)
    {
        (SampleTenant Tenant, Metric Metric, long Amount)[] usage =
        [
            (SampleCatalog.Acme, Metric.Verifications, 4_210),
            (SampleCatalog.Acme, Metric.Seats, 12),
            (SampleCatalog.Globex, Metric.Verifications, 7_940),
            (SampleCatalog.Globex, Metric.Seats, 18),
            (SampleCatalog.Hooli, Metric.Verifications, 940),
            (SampleCatalog.Hooli, Metric.Seats, 4),
            (SampleCatalog.Initech, Metric.Verifications, 121_500),
            (SampleCatalog.Ministry, Metric.Verifications, 18_300),
            (SampleCatalog.Umbrella, Metric.Verifications, 6_020),
        ];
        var gate = host.Get<EntitlementGate>();
        foreach (var (tenant, metric, amount) in usage)
        {
            var decision = await QuotaUse.TryConsumeAsync(gate, tenant.Id, metric, amount, cancellationToken);
            if (!decision.IsAllowed)
            {
                throw new InvalidOperationException($"Seeding usage for {tenant.Id} on {metric.Key} was denied: {decision.Reason}.");
            }
        }
    }
}
