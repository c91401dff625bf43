using BillingKit.Ledger;
using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Ledger.Tests;

/// <summary>A ledger over the in-memory store, a fake clock and a few desk helpers.</summary>
internal sealed class LedgerFixture
{
    public static readonly Actor Finance = new("fiona", BillingRole.Finance, "Fiona from Finance");
    public static readonly Actor Admin = new("ada", BillingRole.BillingAdmin);
    public static readonly CustomerId Acme = CustomerId.From("cus_acme");

    private int _keys;

    public LedgerFixture(int maxPageSize = 500)
    {
        Store = new InMemoryLedgerStore();
        Units = new InMemoryUnitOfWorkFactory();
        Clock = FakeClock.AtNewYear2026();
        Ledger = new LedgerService(Store, Units, Clock, Options.Create(new LedgerOptions { MaxPageSize = maxPageSize }));
    }

    public InMemoryLedgerStore Store { get; }

    public InMemoryUnitOfWorkFactory Units { get; }

    public FakeClock Clock { get; }

    public LedgerService Ledger { get; }

    public TenantId Tenant { get; } = TenantId.From("ten_acme");

    public static Money Usd(decimal major) => Money.FromMajor(major, Currency.USD);

    public IdempotencyKey NextKey() => IdempotencyKey.From("key-" + Interlocked.Increment(ref _keys));

    public static LocalDate Day(int month, int day) => new(2026, month, day);

    public Task<LedgerTransaction> Charge(decimal amount, LocalDate due, string? invoiceNumber = null) =>
        Ledger.PostChargeAsync(Tenant, new ChargeRequest
        {
            IdempotencyKey = NextKey(),
            Actor = Actor.System,
            Amount = Usd(amount),
            DueDate = due,
            Customer = Acme,
            InvoiceNumber = invoiceNumber,
        });

    public Task<PaymentUpdate> Receive(decimal amount, PaymentId? id = null, ProviderName? provider = null, IReadOnlyList<LedgerTransactionId>? applyFirst = null) =>
        Ledger.ReceivePaymentAsync(Tenant, new ReceivePaymentRequest
        {
            IdempotencyKey = NextKey(),
            Actor = Finance,
            Payment = id ?? PaymentId.New(),
            Customer = Acme,
            Amount = Usd(amount),
            Provider = provider ?? ProviderName.Offline,
            Method = PaymentMethod.BankTransfer,
            PaymentDate = Day(1, 15),
            Reference = "TRF-" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ApplyFirst = applyFirst,
        });

    public Task<PaymentUpdate> Refund(PaymentId payment, decimal amount, string reason = "customer asked") =>
        Ledger.RefundAsync(Tenant, new RefundRequest { IdempotencyKey = NextKey(), Actor = Finance, Payment = payment, Amount = Usd(amount), Reason = reason });

    public Task<LedgerBalances> Balances() => Ledger.GetBalancesAsync(Tenant, Currency.USD).AsTask();
}
