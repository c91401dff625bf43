using System.Data;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Begins PostgreSQL units of work: opens a connection from the pool, begins a read-committed transaction and takes
/// <c>pg_advisory_xact_lock</c> on a hash of the tenant id, which serializes the units of one tenant across every
/// host instance (as the in-memory factory does within one process) and is released by COMMIT or ROLLBACK.
/// </summary>
internal sealed class PostgreSqlUnitOfWorkFactory(PostgreSqlDatabase database) : IUnitOfWorkFactory
{
    internal const int TenantLockSpace = 0x424B544E; // "BKTN"

    public async ValueTask<ITenantUnitOfWork> BeginAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tenant.Value))
        {
            throw new ArgumentException("A unit of work needs a tenant; default(TenantId) is not one.", nameof(tenant));
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT pg_advisory_xact_lock(@space, @key)";
                command.Parameters.AddWithValue("space", TenantLockSpace);
                command.Parameters.AddWithValue("key", StableHash.Of(database.Schema + "/" + tenant.Value));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new PostgreSqlUnitOfWork(tenant, connection, transaction, database);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
