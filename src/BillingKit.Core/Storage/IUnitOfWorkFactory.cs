namespace BillingKit.Storage;

/// <summary>Begins units of work on the configured store (in-memory by default, or PostgreSQL).</summary>
public interface IUnitOfWorkFactory
{
    /// <summary>Begins a unit of work for one tenant, waiting until no other unit holds that tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The unit; dispose it when done.</returns>
    ValueTask<ITenantUnitOfWork> BeginAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
