using BillingKit.TestUtilities;

namespace BillingKit.PostgreSql.Tests;

public class PublicApiTests
{
    [Fact]
    public void Public_API_matches_the_approved_snapshot() => PublicApiSnapshot.Verify(typeof(PostgreSqlOptions).Assembly);
}
