using System.Globalization;
using System.Text;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Ledger.Tests;

/// <summary>
/// Fingerprints are stored with idempotency entries, so their text must not change: a retry after an upgrade must
/// still match. The allocation-free builder is checked against the original implementation, kept here as the reference.
/// </summary>
public class FingerprintTests
{
    private static readonly string?[] Texts = [null, "", "inv-1", "a|b", "\u2205", "Ünïcödé ✓", "  padded  "];

    [Fact]
    public void A_charge_fingerprint_keeps_its_stored_form()
    {
        var request = new ChargeRequest
        {
            IdempotencyKey = IdempotencyKey.From("k1"),
            Actor = Actor.System,
            Amount = Money.FromMinorUnits(1234_50, Currency.USD),
            DueDate = new LocalDate(2026, 1, 31),
            Customer = CustomerId.From("cus_1"),
            Description = "Seats",
        };

        Assert.Equal("charge|USD 1234.50|Saturday, 31 January 2026|Invoice|cus_1|\u2205|\u2205|\u2205|Seats", request.Fingerprint());
    }

    [Fact]
    public void Every_request_fingerprints_as_the_original_implementation_did() =>
        PropertyTest.Check(Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var sample = new Sample(new Random(seed));
            foreach (var (request, parts) in sample.Requests())
            {
                Assert.Equal(Reference(parts[0]!.ToString()!, parts[1..]), request.Fingerprint());
            }
        }));

    /// <summary>The original implementation: parts boxed, joined by '|', null as '∅', charge lists joined by ','.</summary>
    private static string Reference(string operation, params object?[] parts)
    {
        var builder = new StringBuilder(operation);
        foreach (var part in parts)
        {
            builder.Append('|');
            switch (part)
            {
                case null:
                    builder.Append('\u2205');
                    break;
                case IEnumerable<LedgerTransactionId> ids:
                    builder.AppendJoin(',', ids.Select(i => i.Value));
                    break;
                default:
                    builder.Append(Convert.ToString(part, CultureInfo.InvariantCulture));
                    break;
            }
        }

        return builder.ToString();
    }

    private sealed class Sample(Random random)
    {
        private static readonly IdempotencyKey Key = IdempotencyKey.From("k");

        public IEnumerable<(LedgerRequest Request, object?[] Parts)> Requests()
        {
            var (amount, date, text, customer, invoice, subscription, payment) = (Amount(), Date(), Text(), Maybe(CustomerId.From("cus_" + Next())), Maybe(InvoiceId.From("inv_" + Next())), Maybe(SubscriptionId.From("sub_" + Next())), PaymentId.From("pay_" + Next()));
            var charge = new ChargeRequest { IdempotencyKey = Key, Actor = Actor.System, Amount = amount, DueDate = date, Kind = Pick<ChargeKind>(), Customer = customer, Invoice = invoice, InvoiceNumber = text, Subscription = subscription, Description = Text() };
            yield return (charge, ["charge", charge.Amount, charge.DueDate, charge.Kind, charge.Customer, charge.Invoice, charge.InvoiceNumber, charge.Subscription, charge.Description]);
            var credit = new CreditRequest { IdempotencyKey = Key, Actor = Actor.System, Amount = amount, Kind = Pick<CreditKind>(), Reason = Text() ?? "r", Customer = customer, Invoice = invoice, ApplyFirst = Charges() };
            yield return (credit, ["credit", credit.Amount, credit.Kind, credit.Reason, credit.Customer, credit.Invoice, credit.ApplyFirst]);
            var adjustment = new AdjustmentRequest { IdempotencyKey = Key, Actor = Actor.System, Amount = amount, Direction = Pick<AdjustmentDirection>(), Reason = "r", DueDate = random.Next(2) == 0 ? null : date, Customer = customer };
            yield return (adjustment, ["adjustment", adjustment.Amount, adjustment.Direction, adjustment.Reason, adjustment.DueDate, adjustment.Customer]);
            var record = new RecordPaymentRequest
            {
                IdempotencyKey = Key, Actor = Actor.System, Payment = payment, Customer = CustomerId.From("cus_r"), Amount = amount, DueDate = date, Provider = ProviderName.Paystack,
                Method = random.Next(2) == 0 ? null : Pick<PaymentMethod>(), Invoice = invoice, InvoiceNumber = text, Subscription = subscription, BillingGroup = Maybe(BillingGroupId.From("grp_" + Next())), Reference = Text(),
            };
            yield return (record, ["record-payment", record.Payment, record.Customer, record.Amount, record.DueDate, record.Provider, record.Method, record.Invoice, record.InvoiceNumber, record.Subscription, record.BillingGroup, record.Reference]);
            var receive = new ReceivePaymentRequest
            {
                IdempotencyKey = Key, Actor = Actor.System, Payment = payment, Customer = CustomerId.From("cus_r"), Amount = amount, Provider = ProviderName.Offline, Method = Pick<PaymentMethod>(), PaymentDate = date,
                Reference = Text(), ProviderReference = Text(), ApplyFirst = Charges(), Invoice = invoice, InvoiceNumber = text, Subscription = subscription, BillingGroup = Maybe(BillingGroupId.From("grp_" + Next())),
            };
            yield return (receive, ["receive-payment", receive.Payment, receive.Customer, receive.Amount, receive.Provider, receive.Method, receive.PaymentDate, receive.Reference, receive.ProviderReference, receive.ApplyFirst, receive.Invoice, receive.InvoiceNumber, receive.Subscription, receive.BillingGroup]);
            var paid = new MarkAsPaidRequest { IdempotencyKey = Key, Actor = Actor.System, Payment = payment, PaymentDate = date, Method = random.Next(2) == 0 ? null : Pick<PaymentMethod>(), Reference = Text(), ProviderReference = Text(), ApplyFirst = Charges() };
            yield return (paid, ["mark-paid", paid.Payment, paid.PaymentDate, paid.Method, paid.Reference, paid.ProviderReference, paid.ApplyFirst]);
            var failed = new PaymentFailedRequest { IdempotencyKey = Key, Actor = Actor.System, Payment = payment, FailureReason = Text() ?? "declined", DeclineCode = Text() };
            yield return (failed, ["payment-failed", failed.Payment, failed.FailureReason, failed.DeclineCode]);
            var start = new StartPaymentAttemptRequest { IdempotencyKey = Key, Actor = Actor.System, Payment = payment, ProviderReference = Text() };
            yield return (start, ["start-attempt", start.Payment, start.ProviderReference]);
            var refund = new RefundRequest { IdempotencyKey = Key, Actor = Actor.System, Payment = payment, Amount = amount, Reason = "r", ProviderReference = Text(), FromCreditBalance = random.Next(2) == 0 };
            yield return (refund, ["refund", refund.Payment, refund.Amount, refund.Reason, refund.ProviderReference, refund.FromCreditBalance]);
            var chargeBack = new ChargeBackRequest { IdempotencyKey = Key, Actor = Actor.System, Payment = payment, Amount = amount, Reason = Text() ?? "fraud", ProviderReference = Text() };
            yield return (chargeBack, ["charge-back", chargeBack.Payment, chargeBack.Amount, chargeBack.Reason, chargeBack.ProviderReference]);
            var cancel = new CancelPaymentRequest { IdempotencyKey = Key, Actor = Actor.System, Payment = payment, Reason = Text() ?? "void" };
            yield return (cancel, ["cancel-payment", cancel.Payment, cancel.Reason]);
        }

        private string Next() => random.Next(1000).ToString(CultureInfo.InvariantCulture);

        private T? Maybe<T>(T value)
            where T : struct => random.Next(3) == 0 ? null : value;

        private string? Text() => Texts[random.Next(Texts.Length)];

        private T Pick<T>()
            where T : struct, Enum
        {
            // Now and then a value outside the enum, which formats as its number.
            var values = Enum.GetValues<T>();
            return random.Next(10) == 0 ? (T)Enum.ToObject(typeof(T), 97) : values[random.Next(values.Length)];
        }

        private Money Amount()
        {
            var currency = Generators.SampleCurrencies[random.Next(Generators.SampleCurrencies.Length)];
            return Money.FromMinorUnits(random.Next(4) switch { 0 => random.Next(-1000, 1000), 1 => random.NextInt64(-1_000_000_000_000, 1_000_000_000_000), _ => random.Next(1, 100_000) }, currency);
        }

        private LocalDate Date() => random.Next(6) switch
        {
            // Across the whole ISO range, including years before 1 CE and the last days of 9999, and other calendars.
            0 => new LocalDate(-9998, 1, 1).PlusDays(random.Next(0, 7_304_000)),
            1 => new LocalDate(9999, 12, 31).PlusDays(-random.Next(0, 400)),
            2 => new LocalDate(1, 1, 1).PlusDays(random.Next(0, 400)).WithCalendar(random.Next(2) == 0 ? CalendarSystem.Julian : CalendarSystem.Gregorian),
            _ => new LocalDate(1990, 1, 1).PlusDays(random.Next(0, 70 * 366)),
        };

        private LedgerTransactionId[]? Charges() => random.Next(3) switch
        {
            0 => null,
            1 => [],
            _ => [.. Enumerable.Range(0, random.Next(1, 4)).Select(i => LedgerTransactionId.From("ltx_" + Next()))],
        };
    }
}
