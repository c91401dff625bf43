using BillingKit.TestUtilities;

namespace BillingKit.Invoicing.Pdf.Tests;

public class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_snapshot() => PublicApiSnapshot.Verify(typeof(InvoicePdfRenderer).Assembly);
}
