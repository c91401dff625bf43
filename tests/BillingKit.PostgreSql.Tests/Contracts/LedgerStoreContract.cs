using BillingKit.Ledger;
using BillingKit.PostgreSql.Tests.Infrastructure;
using NodaTime;

namespace BillingKit.PostgreSql.Tests.Contracts;

/// <summary>The ledger store contract, run against the in-memory store and PostgreSQL.</summary>
public abstract class LedgerStoreContract : StoreContract
{
    private static readonly CustomerId Acme = CustomerId.From("cus_acme");
    private static readonly LocalDate March10 = new(2026, 3, 10);

    [Fact]
    public async Task A_charge_and_a_payment_keep_the_running_balances()
    {
        await ChargeAsync(TenantA, "charge-1", 10_000);
        await ReceiveAsync(TenantA, "pay-1", 6_000);

        var balances = await S.Ledger.GetBalancesAsync(TenantA, Currency.USD);

        Assert.NotNull(balances);
        Assert.Equal(Money.FromMinorUnits(4_000, Currency.USD), balances.AmountDue);
        Assert.Equal(Money.FromMinorUnits(10_000, Currency.USD), balances.Charged);
        Assert.Equal(Money.FromMinorUnits(6_000, Currency.USD), balances.Paid);
        Assert.Equal(balances.TotalDebits, balances.TotalCredits);
        Assert.Equal(2, balances.TransactionCount);
        var all = await S.Ledger.GetAllBalancesAsync(TenantA);
        Assert.Equal([Currency.USD], all!.Select(b => b.Currency));
        Assert.Null(await S.Ledger.GetBalancesAsync(TenantId.From("nobody"), Currency.USD));
        Assert.Null(await S.Ledger.GetAllBalancesAsync(TenantId.From("nobody")));
        var open = await S.Ledger.GetOpenChargesAsync(TenantA, Currency.USD);
        Assert.Equal(Money.FromMinorUnits(4_000, Currency.USD), Assert.Single(open).Outstanding);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_writes_nothing_twice()
    {
        var first = await ReceiveAsync(TenantA, "pay-1", 2_500, key: "receive-once");
        var retry = await ReceiveAsync(TenantA, "pay-1", 2_500, key: "receive-once");

        Assert.False(first.IsReplay);
        Assert.True(retry.IsReplay);
        Assert.Equal(first.Payment.Id, retry.Payment.Id);
        Assert.Single(await S.Ledger.GetTransactionsAsync(TenantA, 0, 100));
        Assert.Equal(1, (await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery())).TotalCount);
    }

    [Fact]
    public async Task Staged_writes_are_visible_inside_the_unit_and_invisible_outside_until_commit()
    {
        await using var unit = await S.Units.BeginAsync(TenantA);
        var charge = await S.LedgerService.PostChargeAsync(unit, Charge("charge-1", 1_000));

        Assert.NotNull(await S.Ledger.GetTransactionAsync(unit, charge.Id));
        Assert.NotNull(await S.Ledger.FindIdempotencyEntryAsync(unit, charge.IdempotencyKey));
        Assert.Equal(Money.FromMinorUnits(1_000, Currency.USD), (await S.Ledger.GetBalancesAsync(unit, Currency.USD)).AmountDue);
        Assert.Single(await S.Ledger.GetOpenChargesAsync(unit, Currency.USD));
        Assert.Null(await S.Ledger.GetTransactionAsync(TenantA, charge.Id));
        Assert.Null(await S.Ledger.GetBalancesAsync(TenantA, Currency.USD));

        await unit.CommitAsync();

        AssertSameRecord(charge, await S.Ledger.GetTransactionAsync(TenantA, charge.Id));
        Assert.Equal(Money.FromMinorUnits(1_000, Currency.USD), (await S.Ledger.GetBalancesAsync(TenantA, Currency.USD))!.AmountDue);
    }

    [Fact]
    public async Task Disposing_a_unit_without_commit_discards_its_writes()
    {
        LedgerTransaction charge;
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            charge = await S.LedgerService.PostChargeAsync(unit, Charge("charge-1", 1_000));
        }

        Assert.Null(await S.Ledger.GetTransactionAsync(TenantA, charge.Id));
        Assert.Empty(await S.Ledger.GetTransactionsAsync(TenantA, 0, 10));
        await using var next = await S.Units.BeginAsync(TenantA);
        Assert.Null(await S.Ledger.FindIdempotencyEntryAsync(next, charge.IdempotencyKey));
        Assert.Equal(0, (await S.Ledger.GetBalancesAsync(next, Currency.USD)).TransactionCount);
    }

    [Fact]
    public async Task A_used_key_or_a_stale_payment_version_is_refused_when_staged()
    {
        var charge = await ChargeAsync(TenantA, "charge-1", 1_000);
        var payment = (await ReceiveAsync(TenantA, "pay-1", 1_000)).Payment;

        await using var unit = await S.Units.BeginAsync(TenantA);
        var reused = new LedgerWrite { Idempotency = new LedgerIdempotencyEntry(charge.IdempotencyKey, "other", null, null) };
        await Assert.ThrowsAsync<InvalidOperationException>(() => S.Ledger.StageAsync(unit, reused).AsTask());
        var stale = new LedgerWrite
        {
            Idempotency = new LedgerIdempotencyEntry(IdempotencyKey.From("stale-write"), "stale", null, payment.Id),
            Payment = payment with { Version = payment.Version, Reference = "stale" },
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => S.Ledger.StageAsync(unit, stale).AsTask());
    }

    [Fact]
    public async Task Nothing_of_one_tenant_is_readable_as_another()
    {
        var charge = await ChargeAsync(TenantA, "charge-1", 1_000);
        var payment = (await ReceiveAsync(TenantA, "pay-1", 400)).Payment;

        Assert.Null(await S.Ledger.GetTransactionAsync(TenantB, charge.Id));
        Assert.Null(await S.Ledger.GetPaymentAsync(TenantB, payment.Id));
        Assert.Null(await S.Ledger.GetBalancesAsync(TenantB, Currency.USD));
        Assert.Empty(await S.Ledger.GetOpenChargesAsync(TenantB, Currency.USD));
        Assert.Empty(await S.Ledger.GetTransactionsAsync(TenantB, 0, 10));
        Assert.Equal(0, (await S.Ledger.QueryPaymentsAsync(TenantB, new PaymentQuery())).TotalCount);
        await using var unit = await S.Units.BeginAsync(TenantB);
        Assert.Null(await S.Ledger.GetPaymentAsync(unit, payment.Id));
        Assert.Null(await S.Ledger.FindIdempotencyEntryAsync(unit, charge.IdempotencyKey));
    }

    [Fact]
    public async Task Payments_are_filtered_sorted_and_paged_the_same_way()
    {
        var customers = new[] { "cus_b", "cus_a", "cus_c", "cus_a", "cus_b" };
        for (var i = 0; i < customers.Length; i++)
        {
            await S.LedgerService.RecordPaymentAsync(TenantA, new RecordPaymentRequest
            {
                IdempotencyKey = IdempotencyKey.From("record-" + i),
                Actor = Clerk,
                Payment = PaymentId.From("pay-" + i),
                Customer = CustomerId.From(customers[i]),
                Amount = Money.FromMinorUnits(1_000 * (5 - i), Currency.USD),
                DueDate = March10.PlusDays(i % 3),
                Provider = ProviderName.Offline,
                Reference = i == 3 ? "PO-Special-77" : null,
            });
        }

        var byCustomer = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { Customer = CustomerId.From("cus_a") });
        Assert.Equal(["pay-3", "pay-1"], byCustomer.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var byAmount = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { SortBy = PaymentSort.Amount, Descending = true, PageNumber = 2, PageSize = 2 });
        Assert.Equal(5, byAmount.TotalCount);
        Assert.Equal(["pay-2", "pay-3"], byAmount.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var byDue = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { SortBy = PaymentSort.DueDate });
        Assert.Equal(["pay-0", "pay-3", "pay-1", "pay-4", "pay-2"], byDue.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var byCustomerName = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { SortBy = PaymentSort.Customer, Descending = true });
        Assert.Equal(["pay-2", "pay-0", "pay-4", "pay-1", "pay-3"], byCustomerName.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var searched = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { Search = "special" });
        Assert.Equal("pay-3", Assert.Single(searched.Items).Id.Value);
        var window = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { DueFrom = March10.PlusDays(1), DueTo = March10.PlusDays(1), Statuses = [PaymentStatus.Pending] });
        Assert.Equal(["pay-1", "pay-4"], window.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var beyond = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { PageNumber = 9, PageSize = 2 });
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.TotalCount);

        await ReceiveAsync(TenantA, "pay-paid", 700);
        var byStatus = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { SortBy = PaymentSort.Status, Descending = true, PageSize = 3 });
        Assert.Equal(["pay-paid", "pay-0", "pay-1"], byStatus.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var byPaymentDate = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { SortBy = PaymentSort.PaymentDate, Descending = true, PageSize = 2 });
        Assert.Equal(["pay-paid", "pay-0"], byPaymentDate.Items.Select(p => p.Id.Value), StringComparer.Ordinal);
        var paid = await S.Ledger.QueryPaymentsAsync(TenantA, new PaymentQuery { PaidFrom = March10, PaidTo = March10 });
        Assert.Equal("pay-paid", Assert.Single(paid.Items).Id.Value);
    }

    [Fact]
    public async Task Refunds_update_the_payment_its_attempts_and_the_journal_order()
    {
        await ChargeAsync(TenantA, "charge-1", 5_000);
        var paid = (await ReceiveAsync(TenantA, "pay-1", 5_000)).Payment;
        var refund = await S.LedgerService.RefundAsync(TenantA, new RefundRequest
        {
            IdempotencyKey = IdempotencyKey.From("refund-1"),
            Actor = Clerk,
            Payment = paid.Id,
            Amount = Money.FromMinorUnits(1_500, Currency.USD),
            Reason = "Damaged goods",
        });

        var stored = await S.Ledger.GetPaymentAsync(TenantA, paid.Id);
        AssertSameRecord(refund.Payment, stored);
        Assert.Equal(Money.FromMinorUnits(3_500, Currency.USD), stored!.Refundable);
        var journal = await S.Ledger.GetTransactionsAsync(TenantA, 0, 10);
        Assert.Equal([LedgerTransactionKind.Charge, LedgerTransactionKind.Payment, LedgerTransactionKind.Refund], journal.Select(t => t.Kind));
        Assert.Equal([LedgerTransactionKind.Payment], (await S.Ledger.GetTransactionsAsync(TenantA, 1, 1)).Select(t => t.Kind));
        Assert.Equal(Money.FromMinorUnits(1_500, Currency.USD), (await S.Ledger.GetBalancesAsync(TenantA, Currency.USD))!.Refunded);
    }

    protected Task<LedgerTransaction> ChargeAsync(TenantId tenant, string key, long units) =>
        S.LedgerService.PostChargeAsync(tenant, Charge(key, units));

    protected Task<PaymentUpdate> ReceiveAsync(TenantId tenant, string payment, long units, string? key = null) =>
        S.LedgerService.ReceivePaymentAsync(tenant, new ReceivePaymentRequest
        {
            IdempotencyKey = IdempotencyKey.From(key ?? "receive-" + payment),
            Actor = Clerk,
            Payment = PaymentId.From(payment),
            Customer = Acme,
            Amount = Money.FromMinorUnits(units, Currency.USD),
            Provider = ProviderName.Offline,
            Method = PaymentMethod.BankTransfer,
            PaymentDate = March10,
        });

    private static ChargeRequest Charge(string key, long units) => new()
    {
        IdempotencyKey = IdempotencyKey.From(key),
        Actor = Clerk,
        Amount = Money.FromMinorUnits(units, Currency.USD),
        DueDate = March10,
        Customer = Acme,
        Description = "March subscription",
    };
}

public sealed class InMemoryLedgerStoreTests : LedgerStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.InMemoryAsync();
}

public sealed class PostgreSqlLedgerStoreTests : LedgerStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.PostgreSqlAsync();
}
