using BillingKit.TestUtilities;

namespace BillingKit.Flutterwave.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_is_the_approved_one() => PublicApiSnapshot.Verify(typeof(FlutterwavePaymentProvider).Assembly);
}
