using System.Globalization;
using BenchmarkDotNet.Attributes;
using BillingKit.Ledger;
using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Benchmarks.Ledger;

/// <summary>
/// Postings per second into the in-memory ledger, and balance reads on a tenant with a million transactions
/// against one with a handful (the baseline): a running-total read must not grow with history.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int MillionEntries = 1_000_000;
    private static readonly LocalDate Due = new(2026, 1, 31);
    private static readonly CustomerId Customer = CustomerId.From("cus_bench");

    private readonly TenantId _few = TenantId.From("ten_few");
    private readonly TenantId _million = TenantId.From("ten_million");
    private readonly TenantId _posting = TenantId.From("ten_posting");
    private LedgerService _ledger = null!;
    private long _keys;

    [GlobalSetup(Target = nameof(BalanceMillionEntries))]
    public void SetupMillion()
    {
        Setup();
        Seed(_million, MillionEntries);
    }

    [GlobalSetup]
    public void Setup()
    {
        _ledger = new LedgerService(new InMemoryLedgerStore(), new InMemoryUnitOfWorkFactory(), new FrozenClock(), Options.Create(new LedgerOptions()));
        Seed(_few, 5);
    }

    [Benchmark(Baseline = true, Description = "Balance read, 5 entries")]
    public ValueTask<LedgerBalances> BalanceFewEntries() => _ledger.GetBalancesAsync(_few, Currency.USD);

    [Benchmark(Description = "Balance read, 1,000,000 entries")]
    public ValueTask<LedgerBalances> BalanceMillionEntries() => _ledger.GetBalancesAsync(_million, Currency.USD);

    [Benchmark(Description = "Post a charge (1 transaction)")]
    public Task<LedgerTransaction> PostCharge() => _ledger.PostChargeAsync(_posting, Charge(1_00));

    [Benchmark(Description = "Post a charge + a payment settling it (2 transactions)")]
    public async Task<PaymentUpdate> PostChargeAndPayment()
    {
        await _ledger.PostChargeAsync(_posting, Charge(1_00)).ConfigureAwait(false);
        return await _ledger.ReceivePaymentAsync(_posting, Payment(1_00)).ConfigureAwait(false);
    }

    private void Seed(TenantId tenant, int entries)
    {
        for (var i = 0; i < entries; i++)
        {
            // Alternate charges and payments, as a real tenant's history does.
            if (i % 2 == 0)
            {
                _ledger.PostChargeAsync(tenant, Charge(10_00)).GetAwaiter().GetResult();
            }
            else
            {
                _ledger.ReceivePaymentAsync(tenant, Payment(10_00)).GetAwaiter().GetResult();
            }
        }
    }

    private IdempotencyKey NextKey() => IdempotencyKey.From("k" + Interlocked.Increment(ref _keys).ToString(CultureInfo.InvariantCulture));

    private ChargeRequest Charge(long cents) => new()
    {
        IdempotencyKey = NextKey(), Actor = Actor.System, Amount = BillingKit.Money.FromMinorUnits(cents, Currency.USD), DueDate = Due, Customer = Customer,
    };

    private ReceivePaymentRequest Payment(long cents) => new()
    {
        IdempotencyKey = NextKey(), Actor = Actor.System, Payment = PaymentId.New(), Customer = Customer, Amount = BillingKit.Money.FromMinorUnits(cents, Currency.USD),
        Provider = ProviderName.Stripe, Method = PaymentMethod.Card, PaymentDate = Due,
    };

    private sealed class FrozenClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2026, 1, 1, 0, 0);
    }
}
