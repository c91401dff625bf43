namespace BillingKit.Ledger.Tests;

public class PaymentTransitionsTests
{
    public static TheoryData<PaymentStatus, PaymentStatus> Allowed() => new()
    {
        { PaymentStatus.Pending, PaymentStatus.Processing },
        { PaymentStatus.Pending, PaymentStatus.Paid },
        { PaymentStatus.Pending, PaymentStatus.Failed },
        { PaymentStatus.Pending, PaymentStatus.Cancelled },
        { PaymentStatus.Processing, PaymentStatus.Paid },
        { PaymentStatus.Processing, PaymentStatus.Failed },
        { PaymentStatus.Processing, PaymentStatus.Cancelled },
        { PaymentStatus.Failed, PaymentStatus.Processing },
        { PaymentStatus.Failed, PaymentStatus.Paid },
        { PaymentStatus.Failed, PaymentStatus.Cancelled },
        { PaymentStatus.Paid, PaymentStatus.Cancelled },
    };

    [Fact]
    public void Exactly_the_listed_moves_are_allowed()
    {
        var allowed = Allowed().Select(row => ((PaymentStatus)row[0], (PaymentStatus)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>())
            {
                Assert.Equal(allowed.Contains((from, to)), PaymentTransitions.IsAllowed(from, to));
            }
        }
    }

    [Fact]
    public void Cancelled_is_final_and_nothing_moves_to_pending()
    {
        Assert.Empty(PaymentTransitions.Next(PaymentStatus.Cancelled));
        Assert.All(Enum.GetValues<PaymentStatus>(), from => Assert.False(PaymentTransitions.IsAllowed(from, PaymentStatus.Pending)));
        Assert.All(Enum.GetValues<PaymentStatus>(), s => Assert.False(PaymentTransitions.IsAllowed(s, s)));
    }
}
