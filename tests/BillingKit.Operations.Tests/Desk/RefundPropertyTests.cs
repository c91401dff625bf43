using BillingKit.Providers;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class RefundPropertyTests
{
    private enum ProviderAnswer
    {
        Refunds,
        Processes,
        TimesOut,
    }

    [Fact]
    public async Task Refunds_never_give_back_more_than_was_paid_counting_those_pending_and_refuse_exactly_what_is_above_the_remainder()
    {
        await using var desk = Create();
        var next = 0;
        var steps = Gen.Zip(Gen.Choose(1, 60_000), Gen.Elements(ProviderAnswer.Refunds, ProviderAnswer.Processes, ProviderAnswer.TimesOut));
        var cases = Gen.Zip(Gen.Choose(1, 50_000), Gen.ListOf(steps).Where(l => l.Count is > 0 and <= 5));

        // Off the test's synchronization context: the property's body waits on the desk's tasks.
        await Task.Run(() => PropertyTest.Check(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (paidCents, attempts) = c;
            var id = "pay_p" + (++next).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var paid = Money.FromMinorUnits(paidCents, Currency.USD);
            var payment = desk.PaidCardPaymentAsync(id, paid.ToMajor(), "ch_" + id).GetAwaiter().GetResult();
            foreach (var (cents, answer) in attempts)
            {
                var amount = Money.FromMinorUnits(cents, Currency.USD);
                var open = OpenAsync(desk, payment).GetAwaiter().GetResult();
                var remainder = desk.Ledger.GetRefundableAmountAsync(Tenant, payment).GetAwaiter().GetResult() - open;
                var isRetry = ListAsync(desk, payment).GetAwaiter().GetResult()
                    .Any(r => r.Status == DeskRefundStatus.Pending && r.ProviderRefundId is null && r.Amount == amount);
                desk.Card.RefundError = answer == ProviderAnswer.TimesOut ? ProviderErrorKind.Network : null;
                desk.Card.RefundStatus = answer == ProviderAnswer.Processes ? ProviderRefundStatus.Pending : ProviderRefundStatus.Succeeded;

                var result = desk.Refunds.RefundAsync(Request(DeskFixture.Finance, "Property"), payment, amount, RefundCause.TechnicalError).GetAwaiter().GetResult();

                if (!isRetry && (result.Outcome == RefundOutcome.Refused) != (amount > remainder))
                {
                    return false;
                }

                var refunds = ListAsync(desk, payment).GetAwaiter().GetResult();
                var succeeded = Sum(refunds.Where(r => r.Status == DeskRefundStatus.Succeeded));
                var pending = Sum(refunds.Where(r => r.Status == DeskRefundStatus.Pending));
                var refundable = desk.Ledger.GetRefundableAmountAsync(Tenant, payment).GetAwaiter().GetResult();
                if (succeeded + refundable != paid || succeeded + pending > paid)
                {
                    return false;
                }
            }

            return true;
        })));
    }

    private static async Task<IReadOnlyList<DeskRefund>> ListAsync(MoneyDeskHost desk, PaymentId payment)
    {
        await using var unit = await desk.BeginAsync();
        return await desk.Get<IDeskRefundStore>().ListForPaymentAsync(unit, payment);
    }

    private static async Task<Money> OpenAsync(MoneyDeskHost desk, PaymentId payment) =>
        Sum((await ListAsync(desk, payment)).Where(r => r.Status == DeskRefundStatus.Pending));

    private static Money Sum(IEnumerable<DeskRefund> refunds) =>
        refunds.Aggregate(Money.Zero(Currency.USD), (sum, r) => sum + r.Amount);
}
