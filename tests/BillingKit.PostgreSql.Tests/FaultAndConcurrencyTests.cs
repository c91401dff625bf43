using BillingKit.Entitlements;
using BillingKit.Ledger;
using BillingKit.PostgreSql.Storage;
using BillingKit.PostgreSql.Tests.Infrastructure;
using NodaTime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BillingKit.PostgreSql.Tests;

/// <summary>Killed connections, and two host instances (two DI containers, two connection pools) on one database.</summary>
public sealed class FaultAndConcurrencyTests : IAsyncLifetime
{
    private static readonly TenantId Tenant = TenantId.From("tenant-a");
    private static readonly Actor Clerk = new("clerk-1", BillingRole.Finance);
    private Stores _one = null!;
    private Stores _two = null!;

    public async Task InitializeAsync()
    {
        _one = await Stores.PostgreSqlAsync();
        _two = _one.SecondInstance();
    }

    public async Task DisposeAsync()
    {
        await _two.DisposeAsync();
        await _one.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_killed_before_commit_leaves_no_partial_write_and_the_retry_completes_once()
    {
        var request = Receive("pay-1", "receive-pay-1", 7_500);
        await using (var unit = await _one.Units.BeginAsync(Tenant))
        {
            await _one.LedgerService.ReceivePaymentAsync(unit, request);
            await KillAsync(PostgreSqlUnitOfWork.From(unit).Connection.ProcessID);
            await Assert.ThrowsAnyAsync<Exception>(() => unit.CommitAsync().AsTask());
        }

        Assert.Null(await _one.Ledger.GetPaymentAsync(Tenant, PaymentId.From("pay-1")));
        Assert.Null(await _one.Ledger.GetBalancesAsync(Tenant, Currency.USD));

        var retried = await _two.LedgerService.ReceivePaymentAsync(Tenant, request);
        var again = await _one.LedgerService.ReceivePaymentAsync(Tenant, request);

        Assert.False(retried.IsReplay);
        Assert.True(again.IsReplay);
        Assert.Single(await _one.Ledger.GetTransactionsAsync(Tenant, 0, 10));
        Assert.Equal(Money.FromMinorUnits(7_500, Currency.USD), (await _one.Ledger.GetBalancesAsync(Tenant, Currency.USD))!.Paid);
    }

    [Fact]
    public async Task A_connection_killed_in_the_middle_of_a_unit_spanning_contexts_writes_none_of_it()
    {
        await using (var unit = await _one.Units.BeginAsync(Tenant))
        {
            await _one.Invoices.NextSequenceAsync(unit, "INV");
            await _one.LedgerService.PostChargeAsync(unit, new ChargeRequest { IdempotencyKey = IdempotencyKey.From("charge-1"), Actor = Clerk, Amount = Money.FromMinorUnits(100, Currency.USD), DueDate = new LocalDate(2026, 3, 1) });
            await KillAsync(PostgreSqlUnitOfWork.From(unit).Connection.ProcessID);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => _one.Invoices.NextSequenceAsync(unit, "INV").AsTask());
        }

        await using var next = await _two.Units.BeginAsync(Tenant);
        Assert.Equal(1, await _two.Invoices.NextSequenceAsync(next, "INV"));
        Assert.Null(await _two.Ledger.FindIdempotencyEntryAsync(next, IdempotencyKey.From("charge-1")));
    }

    [Fact]
    public async Task A_provider_event_whose_connection_died_before_commit_is_applied_exactly_once_on_redelivery()
    {
        var events = _one.Services.GetRequiredService<Operations.IProcessedEventStore>();
        async Task<bool> HandleAsync(Stores instance, bool killBeforeCommit)
        {
            var processed = instance.Services.GetRequiredService<Operations.IProcessedEventStore>();
            await using var unit = await instance.Units.BeginAsync(Tenant);
            if (await processed.IsProcessedAsync(unit, ProviderName.Stripe, "acct_1", "evt_42"))
            {
                return false;
            }

            await instance.LedgerService.ReceivePaymentAsync(unit, Receive("pay-42", "stripe-evt_42", 4_200));
            await processed.MarkProcessedAsync(unit, ProviderName.Stripe, "acct_1", "evt_42", instance.Clock.GetCurrentInstant());
            if (killBeforeCommit)
            {
                await KillAsync(PostgreSqlUnitOfWork.From(unit).Connection.ProcessID);
            }

            await unit.CommitAsync();
            return true;
        }

        await Assert.ThrowsAnyAsync<Exception>(() => HandleAsync(_one, killBeforeCommit: true));
        Assert.Null(await _one.Ledger.GetPaymentAsync(Tenant, PaymentId.From("pay-42")));

        Assert.True(await HandleAsync(_two, killBeforeCommit: false));
        Assert.False(await HandleAsync(_one, killBeforeCommit: false));
        Assert.Single(await _one.Ledger.GetTransactionsAsync(Tenant, 0, 10));
        await using var check = await _one.Units.BeginAsync(Tenant);
        Assert.True(await events.IsProcessedAsync(check, ProviderName.Stripe, "acct_1", "evt_42"));
    }

    [Fact]
    public async Task Parallel_refunds_from_two_instances_never_exceed_what_was_paid()
    {
        await _one.LedgerService.ReceivePaymentAsync(Tenant, Receive("pay-1", "receive-pay-1", 10_000));

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            var instance = i % 2 == 0 ? _one : _two;
            try
            {
                await instance.LedgerService.RefundAsync(Tenant, new RefundRequest
                {
                    IdempotencyKey = IdempotencyKey.From("refund-" + i),
                    Actor = Clerk,
                    Payment = PaymentId.From("pay-1"),
                    Amount = Money.FromMinorUnits(1_500, Currency.USD),
                    Reason = "Partial refund",
                });
                return true;
            }
            catch (RefundExceedsRefundableException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(6, results.Count(ok => ok));
        var payment = await _two.Ledger.GetPaymentAsync(Tenant, PaymentId.From("pay-1"));
        Assert.Equal(Money.FromMinorUnits(9_000, Currency.USD), payment!.Refunded);
        Assert.Equal(Money.FromMinorUnits(9_000, Currency.USD), (await _one.Ledger.GetBalancesAsync(Tenant, Currency.USD))!.Refunded);
    }

    [Fact]
    public async Task Parallel_invoice_numbering_from_two_instances_is_unique_and_gapless()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var instance = i % 2 == 0 ? _one : _two;
            await using var unit = await instance.Units.BeginAsync(Tenant);
            var number = await instance.Invoices.NextSequenceAsync(unit, "INV");
            if (i % 5 == 0)
            {
                return (long?)null; // rolled back: its number goes to the next unit
            }

            await unit.CommitAsync();
            return number;
        })));

        Assert.Equal(Enumerable.Range(1, 32).Select(n => (long)n), numbers.OfType<long>().Order());
    }

    [Fact]
    public async Task Parallel_lease_acquisition_from_two_instances_never_exceeds_the_limit()
    {
        var key = new QuotaLeaseKey(Tenant, Metric.Verifications.Key, Instant.FromUtc(2026, 3, 1, 0, 0));
        var grants = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? _one : _two).Leases.AcquireAsync(key, 37, 1_000))));

        Assert.Equal(1_000, grants.Sum());
        Assert.All(grants, g => Assert.InRange(g, 0, 37));
        Assert.Equal(1_000, await _two.Leases.GetLeasedAsync(key));
    }

    private static ReceivePaymentRequest Receive(string payment, string key, long units) => new()
    {
        IdempotencyKey = IdempotencyKey.From(key),
        Actor = Clerk,
        Payment = PaymentId.From(payment),
        Customer = CustomerId.From("cus_1"),
        Amount = Money.FromMinorUnits(units, Currency.USD),
        Provider = ProviderName.Offline,
        Method = PaymentMethod.BankTransfer,
        PaymentDate = new LocalDate(2026, 3, 1),
    };

    private async Task KillAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(_one.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
        command.Parameters.AddWithValue("pid", processId);
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }
}
