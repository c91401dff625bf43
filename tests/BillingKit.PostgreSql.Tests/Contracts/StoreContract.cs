using BillingKit.PostgreSql.Tests.Infrastructure;

namespace BillingKit.PostgreSql.Tests.Contracts;

/// <summary>The base of every store contract: each test gets fresh stores (and, for PostgreSQL, its own database).</summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly Actor Clerk = new("clerk-1", BillingRole.Finance, "Clerk");

    protected Stores S { get; private set; } = null!;

    protected static TenantId TenantA { get; } = TenantId.From("tenant-a");

    protected static TenantId TenantB { get; } = TenantId.From("tenant-b");

    public async Task InitializeAsync() => S = await CreateStoresAsync();

    public async Task DisposeAsync() => await S.DisposeAsync();

    protected abstract Task<Stores> CreateStoresAsync();

    /// <summary>Compares two records by their stored form, field by field (lists inside records compare by reference otherwise).</summary>
    protected static void AssertSameRecord<T>(T expected, T? actual)
        where T : class
    {
        Assert.NotNull(actual);
        Assert.Equal(BillingKit.PostgreSql.Documents.DocumentSerializer.Serialize(expected), BillingKit.PostgreSql.Documents.DocumentSerializer.Serialize(actual));
    }
}
