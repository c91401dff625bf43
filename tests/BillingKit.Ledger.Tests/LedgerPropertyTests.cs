using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Ledger.Tests;

/// <summary>Random sequences of desk operations, checked against the ledger's invariants after every step.</summary>
public class LedgerPropertyTests
{
    private static readonly ProviderName[] Providers = [ProviderName.Stripe, ProviderName.Paystack, ProviderName.Flutterwave, ProviderName.Offline];

    internal abstract record Op;

    internal sealed record ChargeOp(int Units, int DueInDays, bool Euro) : Op;

    internal sealed record PayOp(int Units, int Provider, bool Euro) : Op;

    internal sealed record RefundOp(int Payment, int Units, bool FromCredit) : Op;

    internal sealed record ChargeBackOp(int Payment, int Units) : Op;

    internal sealed record CreditOp(int Units, CreditKind Kind) : Op;

    internal sealed record CancelOp(int Payment) : Op;

    internal sealed record AdjustOp(int Units, bool Increase) : Op;

    internal sealed record ReplayOp(int Earlier) : Op;

    private static Gen<int> Units() => Gen.OneOf(Gen.Choose(1, 100), Gen.Choose(1, 100_000));

    private static Gen<Op> Operation() =>
        Gen.OneOf(
            Units().SelectMany(u => Gen.Choose(0, 60), (u, d) => (u, d)).SelectMany(p => Gen.Elements(false, false, true), (p, e) => (Op)new ChargeOp(p.u, p.d, e)),
            Units().SelectMany(u => Gen.Choose(0, Providers.Length - 1), (u, p) => (u, p)).SelectMany(p => Gen.Elements(false, false, true), (p, e) => (Op)new PayOp(p.u, p.p, e)),
            Gen.Choose(0, 20).SelectMany(_ => Units(), (i, u) => (i, u)).SelectMany(_ => Gen.Elements(false, false, true), (p, c) => (Op)new RefundOp(p.i, p.u, c)),
            Gen.Choose(0, 20).SelectMany(_ => Units(), (i, u) => (Op)new ChargeBackOp(i, u)),
            Units().SelectMany(_ => Gen.Elements(Enum.GetValues<CreditKind>()), (u, k) => (Op)new CreditOp(u, k)),
            Gen.Choose(0, 20).Select(i => (Op)new CancelOp(i)),
            Units().SelectMany(_ => Gen.Elements(true, false), (u, up) => (Op)new AdjustOp(u, up)),
            Gen.Choose(0, 40).Select(i => (Op)new ReplayOp(i)));

    private static Gen<Op[]> Operations() => Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(Operation(), n));

    [Fact]
    public void Random_operation_sequences_keep_the_books_balanced_and_consistent() =>
        PropertyTest.Check(Prop.ForAll(Operations().ToArbitrary(), ops =>
        {
            var run = new Run();
            foreach (var op in ops)
            {
                run.Apply(op);
                run.CheckInvariants();
            }
        }));

    /// <summary>Runs operations against a fresh ledger; async calls complete synchronously over the in-memory store.</summary>
    private sealed class Run
    {
        private readonly LedgerFixture _f = new();
        private readonly List<PaymentId> _payments = [];
        private readonly List<(Func<Task<LedgerTransactionId?>> Execute, LedgerTransactionId? First)> _done = [];

        private static Money Amount(int units, bool euro = false) => Money.FromMinorUnits(units, euro ? Currency.EUR : Currency.USD);

        public void Apply(Op op)
        {
            if (op is ReplayOp replay)
            {
                Replay(replay);
                return;
            }

            var execute = Prepare(op);
            if (execute is null)
            {
                return;
            }

            var before = State();
            try
            {
                var first = execute().GetAwaiter().GetResult();
                _done.Add((execute, first));
            }
            catch (BillingException)
            {
                // A refusal (refund above refundable, refund of a cancelled payment, cancelling twice) writes nothing.
                Assert.Equal(before, State());
            }
        }

        private void Replay(ReplayOp replay)
        {
            if (_done.Count == 0)
            {
                return;
            }

            var (execute, first) = _done[replay.Earlier % _done.Count];
            var before = State();
            Assert.Equal(first, execute().GetAwaiter().GetResult());
            Assert.Equal(before, State());
        }

        private Func<Task<LedgerTransactionId?>>? Prepare(Op op)
        {
            var key = _f.NextKey();
            var tenant = _f.Tenant;
            var ledger = _f.Ledger;
            switch (op)
            {
                case ChargeOp c:
                    var charge = new ChargeRequest { IdempotencyKey = key, Actor = Actor.System, Amount = Amount(c.Units, c.Euro), DueDate = new LocalDate(2026, 1, 1).PlusDays(c.DueInDays) };
                    return async () => (await ledger.PostChargeAsync(tenant, charge)).Id;
                case PayOp p:
                    var id = PaymentId.New();
                    _payments.Add(id);
                    var pay = new ReceivePaymentRequest
                    {
                        IdempotencyKey = key, Actor = LedgerFixture.Finance, Payment = id, Customer = LedgerFixture.Acme, Amount = Amount(p.Units, p.Euro),
                        Provider = Providers[p.Provider], Method = PaymentMethod.BankTransfer, PaymentDate = new LocalDate(2026, 1, 15),
                    };
                    return async () => (await ledger.ReceivePaymentAsync(tenant, pay)).Transaction?.Id;
                case RefundOp r when _payments.Count > 0:
                    var payment = _payments[r.Payment % _payments.Count];
                    var currency = _f.Store.GetPaymentAsync(tenant, payment).AsTask().GetAwaiter().GetResult()!.Amount.Currency;
                    var refund = new RefundRequest { IdempotencyKey = key, Actor = LedgerFixture.Finance, Payment = payment, Amount = Money.FromMinorUnits(r.Units, currency), Reason = "asked", FromCreditBalance = r.FromCredit };
                    return async () => (await ledger.RefundAsync(tenant, refund)).Transaction?.Id;
                case ChargeBackOp b when _payments.Count > 0:
                    var disputed = _payments[b.Payment % _payments.Count];
                    var disputedCurrency = _f.Store.GetPaymentAsync(tenant, disputed).AsTask().GetAwaiter().GetResult()!.Amount.Currency;
                    var chargeBack = new ChargeBackRequest { IdempotencyKey = key, Actor = Actor.System, Payment = disputed, Amount = Money.FromMinorUnits(b.Units, disputedCurrency), Reason = "fraudulent" };
                    return async () => (await ledger.RecordChargeBackAsync(tenant, chargeBack)).Transaction?.Id;
                case CreditOp c:
                    var credit = new CreditRequest { IdempotencyKey = key, Actor = LedgerFixture.Admin, Amount = Amount(c.Units), Kind = c.Kind, Reason = "goodwill" };
                    return async () => (await ledger.GrantCreditAsync(tenant, credit)).Id;
                case CancelOp c when _payments.Count > 0:
                    var cancel = new CancelPaymentRequest { IdempotencyKey = key, Actor = LedgerFixture.Finance, Payment = _payments[c.Payment % _payments.Count], Reason = "voided" };
                    return async () => (await ledger.CancelPaymentAsync(tenant, cancel)).Transaction?.Id;
                case AdjustOp a:
                    var adjust = new AdjustmentRequest
                    {
                        IdempotencyKey = key, Actor = LedgerFixture.Admin, Amount = Amount(a.Units), Reason = "manual",
                        Direction = a.Increase ? AdjustmentDirection.IncreaseDue : AdjustmentDirection.DecreaseDue, DueDate = new LocalDate(2026, 2, 1),
                    };
                    return async () => (await ledger.PostAdjustmentAsync(tenant, adjust)).Id;
                default:
                    return null;
            }
        }

        private string State()
        {
            var all = _f.Store.GetAllBalancesAsync(_f.Tenant).AsTask().GetAwaiter().GetResult() ?? [];
            var payments = _payments.Select(p => _f.Store.GetPaymentAsync(_f.Tenant, p).AsTask().GetAwaiter().GetResult()).Where(p => p is not null).Select(p => $"{p!.Id}:{p.Status}:{p.Refunded}:{p.ChargedBack}:{p.Version}");
            return string.Join(';', all.Select(b => $"{b.Currency}:{b.TransactionCount}:{b.AmountDue}:{b.CreditBalance}:{b.Paid}:{b.Refunded}:{b.ChargedBack}").Concat(payments));
        }

        public void CheckInvariants()
        {
            var journal = _f.Store.GetTransactionsAsync(_f.Tenant, 0, int.MaxValue).AsTask().GetAwaiter().GetResult();
            foreach (var currency in new[] { Currency.USD, Currency.EUR })
            {
                var balances = _f.Store.GetBalancesAsync(_f.Tenant, currency).AsTask().GetAwaiter().GetResult();
                if (balances is null)
                {
                    Assert.Empty(journal);
                    return;
                }

                var entries = journal.Where(t => t.Currency == currency).ToArray();
                var zero = Money.Zero(currency);

                // Debits equal credits, in every transaction and in total.
                Assert.Equal(balances.TotalDebits, balances.TotalCredits);

                // Every balance equals the sum of its entries; every total the sum of its transactions.
                var accounts = entries.SelectMany(t => t.Postings).GroupBy(p => p.Account);
                foreach (var account in accounts)
                {
                    Assert.Equal(account.Aggregate(zero, (sum, p) => sum + p.SignedForAccount), balances.Balance(account.Key));
                }

                Assert.Equal(accounts.Count(), balances.Accounts.Count);
                foreach (var kind in Enum.GetValues<LedgerTransactionKind>())
                {
                    Assert.Equal(entries.Where(t => t.Kind == kind).Aggregate(zero, (sum, t) => sum + t.Amount), balances.Total(kind));
                }

                Assert.Equal(entries.Length, balances.TransactionCount);

                // The credit balance and the amount due never go negative, and never coexist.
                Assert.False(balances.CreditBalance.IsNegative);
                Assert.False(balances.AmountDue.IsNegative);
                var open = _f.Store.GetOpenChargesAsync(_f.Tenant, currency).AsTask().GetAwaiter().GetResult();
                Assert.Equal(balances.AmountDue, open.Aggregate(zero, (sum, c) => sum + c.Outstanding));
                Assert.True(balances.CreditBalance.IsZero || open.Count == 0);

                // Cash held equals paid less refunded less charged back.
                var cash = balances.Accounts.Where(a => a.Key.Kind == LedgerAccountKind.Cash).Aggregate(zero, (sum, a) => sum + a.Value);
                Assert.Equal(balances.Paid - balances.Refunded - balances.ChargedBack, cash);
            }

            // Refunds and charge-backs never exceed what was paid.
            foreach (var id in _payments)
            {
                var payment = _f.Store.GetPaymentAsync(_f.Tenant, id).AsTask().GetAwaiter().GetResult();
                if (payment is not null)
                {
                    Assert.True(payment.Refunded + payment.ChargedBack <= payment.Amount);
                    var given = journal.Where(t => t.Payment == id && t.Kind is LedgerTransactionKind.Refund or LedgerTransactionKind.ChargeBack);
                    Assert.Equal(payment.Refunded + payment.ChargedBack, given.Aggregate(Money.Zero(payment.Amount.Currency), (sum, t) => sum + t.Amount));
                }
            }
        }
    }
}
