using BillingKit.Ledger;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// The ledger in PostgreSQL: transactions with their postings, running balances per tenant, currency and account
/// (updated in the same transaction, so a balance read never scans history), totals per kind, open charges,
/// payments with their attempts, and idempotency keys unique per tenant.
/// </summary>
internal sealed class PostgreSqlLedgerStore(PostgreSqlDatabase database) : ILedgerStore
{
    private const string BalancesSql = """
        SELECT account, balance_minor FROM {schema}.ledger_account_balances WHERE tenant_id = @tenant AND currency = @currency;
        SELECT kind, total_minor FROM {schema}.ledger_kind_totals WHERE tenant_id = @tenant AND currency = @currency;
        SELECT debits_minor, credits_minor, transaction_count FROM {schema}.ledger_currency_totals WHERE tenant_id = @tenant AND currency = @currency;
        """;

    public async ValueTask<LedgerIdempotencyEntry?> FindIdempotencyEntryAsync(ITenantUnitOfWork unit, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            "SELECT fingerprint, transaction_id, payment_id FROM {schema}.ledger_idempotency_keys WHERE tenant_id = @tenant AND idempotency_key = @key",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("key", key.Value),
            r => new LedgerIdempotencyEntry(
                key,
                r.GetString(0),
                r.IsDBNull(1) ? null : LedgerTransactionId.From(r.GetString(1)),
                r.IsDBNull(2) ? null : PaymentId.From(r.GetString(2))),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<LedgerBalances> GetBalancesAsync(ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var command = pg.Command(BalancesSql);
        await using (command.ConfigureAwait(false))
        {
            command.WithText("tenant", unit.Tenant.Value).WithText("currency", currency.Code);
            return await ReadBalancesAsync(command, currency, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            "SELECT document FROM {schema}.ledger_open_charges WHERE tenant_id = @tenant AND currency = @currency",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("currency", currency.Code),
            r => r.Document<OpenCharge>(0),
            cancellationToken).ConfigureAwait(false);
        return OldestDueFirst(rows);
    }

    public async ValueTask<PaymentRecord?> GetPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            "SELECT document FROM {schema}.ledger_payments WHERE tenant_id = @tenant AND payment_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", payment.Value),
            r => r.Document<PaymentRecord>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<LedgerTransaction?> GetTransactionAsync(ITenantUnitOfWork unit, LedgerTransactionId transaction, CancellationToken cancellationToken = default)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            "SELECT document FROM {schema}.ledger_transactions WHERE tenant_id = @tenant AND transaction_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", transaction.Value),
            r => r.Document<LedgerTransaction>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask StageAsync(ITenantUnitOfWork unit, LedgerWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var pg = PostgreSqlUnitOfWork.From(unit);
        await ValidateAsync(pg, write, cancellationToken).ConfigureAwait(false);

        // Validated (the tenant lock keeps it valid until commit): write everything in one round trip.
        var batch = new NpgsqlBatch(pg.Connection, pg.Transaction);
        await using (batch.ConfigureAwait(false))
        {
            var writer = new LedgerBatchWriter(batch, database, unit.Tenant.Value);
            writer.Write(write);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (writer.PaymentUpdateIndex is { } index && batch.BatchCommands[index].RecordsAffected != 1)
            {
                throw new InvalidOperationException($"Payment {write.Payment!.Id} was changed by someone else while this unit ran; expected version {write.Payment.Version - 1} in the database.");
            }
        }
    }

    public async ValueTask<LedgerBalances?> GetBalancesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default)
    {
        // One round trip: whether the tenant has books, then the three running-total reads.
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(database.Sql("SELECT EXISTS (SELECT 1 FROM {schema}.ledger_books WHERE tenant_id = @tenant);\n" + BalancesSql), connection);
            await using (command.ConfigureAwait(false))
            {
                command.WithText("tenant", tenant.Value).WithText("currency", currency.Code);
                return await ReadBalancesAsync(command, currency, checkBooks: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask<IReadOnlyList<LedgerBalances>?> GetAllBalancesAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!await HasBooksAsync(connection, tenant, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            List<string> currencies;
            var list = new NpgsqlCommand(database.Sql("SELECT currency FROM {schema}.ledger_currency_totals WHERE tenant_id = @tenant UNION SELECT currency FROM {schema}.ledger_open_charges WHERE tenant_id = @tenant"), connection);
            await using (list.ConfigureAwait(false))
            {
                currencies = await list.WithText("tenant", tenant.Value).ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            }

            var all = new List<LedgerBalances>();
            foreach (var currency in currencies.Select(Currency.FromCode).Order())
            {
                var command = new NpgsqlCommand(database.Sql(BalancesSql), connection);
                await using (command.ConfigureAwait(false))
                {
                    command.WithText("tenant", tenant.Value).WithText("currency", currency.Code);
                    all.Add(await ReadBalancesAsync(command, currency, cancellationToken).ConfigureAwait(false));
                }
            }

            return all;
        }
    }

    public async ValueTask<PaymentRecord?> GetPaymentAsync(TenantId tenant, PaymentId payment, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.ledger_payments WHERE tenant_id = @tenant AND payment_id = @id",
            c => c.WithText("tenant", tenant.Value).WithText("id", payment.Value),
            r => r.Document<PaymentRecord>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<Page<PaymentRecord>> QueryPaymentsAsync(TenantId tenant, PaymentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, bind) = PaymentQuerySql.Build(tenant, query);
        var total = 0;
        var rows = await database.ReadAsync(
            sql,
            bind,
            r =>
            {
                total = checked((int)r.GetInt64(1));
                return r.Document<PaymentRecord>(0);
            },
            cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && query.PageNumber > 1)
        {
            var counted = await database.ReadAsync(
                PaymentQuerySql.BuildCount(tenant, query, out var bindCount),
                bindCount,
                r => r.GetInt64(0),
                cancellationToken).ConfigureAwait(false);
            total = checked((int)counted[0]);
        }

        return new Page<PaymentRecord>(rows, query.PageNumber, query.PageSize, total);
    }

    public async ValueTask<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.ledger_open_charges WHERE tenant_id = @tenant AND currency = @currency",
            c => c.WithText("tenant", tenant.Value).WithText("currency", currency.Code),
            r => r.Document<OpenCharge>(0),
            cancellationToken).ConfigureAwait(false);
        return OldestDueFirst(rows);
    }

    public async ValueTask<LedgerTransaction?> GetTransactionAsync(TenantId tenant, LedgerTransactionId transaction, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.ledger_transactions WHERE tenant_id = @tenant AND transaction_id = @id",
            c => c.WithText("tenant", tenant.Value).WithText("id", transaction.Value),
            r => r.Document<LedgerTransaction>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<LedgerTransaction>> GetTransactionsAsync(TenantId tenant, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        return await database.ReadAsync(
            "SELECT document FROM {schema}.ledger_transactions WHERE tenant_id = @tenant ORDER BY journal_seq OFFSET @skip LIMIT @take",
            c => c.WithText("tenant", tenant.Value).WithBigint("skip", skip).WithBigint("take", take),
            r => r.Document<LedgerTransaction>(0),
            cancellationToken).ConfigureAwait(false);
    }

    private static OpenCharge[] OldestDueFirst(IEnumerable<OpenCharge> charges) =>
        [.. charges.Where(c => c.Outstanding.IsPositive).OrderBy(c => c.DueDate).ThenBy(c => c.PostedAt).ThenBy(c => c.Charge.Value, StringComparer.Ordinal)];

    private static async ValueTask ValidateAsync(PostgreSqlUnitOfWork pg, LedgerWrite write, CancellationToken cancellationToken)
    {
        var key = write.Idempotency.Key;
        var checks = await pg.ReadAsync(
            """
            SELECT EXISTS (SELECT 1 FROM {schema}.ledger_idempotency_keys WHERE tenant_id = @tenant AND idempotency_key = @key),
                   EXISTS (SELECT 1 FROM {schema}.ledger_transactions WHERE tenant_id = @tenant AND transaction_id = @transaction),
                   (SELECT version FROM {schema}.ledger_payments WHERE tenant_id = @tenant AND payment_id = @payment FOR UPDATE)
            """,
            c => c.WithText("tenant", pg.Tenant.Value)
                .WithText("key", key.Value)
                .WithText("transaction", write.Transaction?.Id.Value)
                .WithText("payment", write.Payment?.Id.Value),
            r => (KeyUsed: r.GetBoolean(0), TransactionUsed: r.GetBoolean(1), Version: r.IsDBNull(2) ? 0 : r.GetInt32(2)),
            cancellationToken).ConfigureAwait(false);
        var (keyUsed, transactionUsed, version) = checks[0];
        if (keyUsed)
        {
            throw new InvalidOperationException($"Idempotency key '{key}' is already used by tenant {pg.Tenant}.");
        }

        if (transactionUsed)
        {
            throw new InvalidOperationException($"Transaction {write.Transaction!.Id} is already posted for tenant {pg.Tenant}.");
        }

        if (write.Payment is { } payment && payment.Version != version + 1)
        {
            throw new InvalidOperationException($"Payment {payment.Id} has version {payment.Version}; expected {version + 1}. It was changed by someone else.");
        }
    }

    private async ValueTask<bool> HasBooksAsync(NpgsqlConnection connection, TenantId tenant, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(database.Sql("SELECT EXISTS (SELECT 1 FROM {schema}.ledger_books WHERE tenant_id = @tenant)"), connection);
        await using (command.ConfigureAwait(false))
        {
            var rows = await command.WithText("tenant", tenant.Value).ListAsync(r => r.GetBoolean(0), cancellationToken).ConfigureAwait(false);
            return rows[0];
        }
    }

    private static async ValueTask<LedgerBalances> ReadBalancesAsync(NpgsqlCommand command, Currency currency, CancellationToken cancellationToken) =>
        (await ReadBalancesAsync(command, currency, checkBooks: false, cancellationToken).ConfigureAwait(false))!;

    private static async ValueTask<LedgerBalances?> ReadBalancesAsync(NpgsqlCommand command, Currency currency, bool checkBooks, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<LedgerAccount, Money>();
        var totals = new Dictionary<LedgerTransactionKind, Money>();
        long debits = 0, credits = 0, count = 0;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (checkBooks)
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || !reader.GetBoolean(0))
                {
                    return null;
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                accounts[LedgerAccounts.Parse(reader.GetString(0))] = Money.FromMinorUnits(reader.GetInt64(1), currency);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                totals[Enum.Parse<LedgerTransactionKind>(reader.GetString(0))] = Money.FromMinorUnits(reader.GetInt64(1), currency);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                debits = reader.GetInt64(0);
                credits = reader.GetInt64(1);
                count = reader.GetInt64(2);
            }
        }

        return new LedgerBalances(currency, accounts, totals, Money.FromMinorUnits(debits, currency), Money.FromMinorUnits(credits, currency), count);
    }
}
