using BillingKit.TestUtilities;

namespace BillingKit.Paystack.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_is_the_approved_one() => PublicApiSnapshot.Verify(typeof(PaystackPaymentProvider).Assembly);
}
