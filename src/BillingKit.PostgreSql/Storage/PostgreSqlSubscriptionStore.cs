using BillingKit.Invoicing;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Subscriptions and their payment schedules in PostgreSQL; a save replaces the schedule in the same transaction.</summary>
internal sealed class PostgreSqlSubscriptionStore(PostgreSqlDatabase database) : ISubscriptionStore
{
    public async ValueTask<Subscription?> FindAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.subscriptions WHERE tenant_id = @tenant AND subscription_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", id.Value),
            r => r.Document<Subscription>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<ScheduledPayment>> FindScheduleAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken = default) =>
        await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.subscription_schedules WHERE tenant_id = @tenant AND subscription_id = @id ORDER BY ordinal",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", id.Value),
            r => r.Document<ScheduledPayment>(0),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, Subscription subscription, IReadOnlyList<ScheduledPayment> schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(schedule);
        var pg = PostgreSqlUnitOfWork.From(unit);
        var batch = new NpgsqlBatch(pg.Connection, pg.Transaction);
        await using (batch.ConfigureAwait(false))
        {
            Add(batch, "DELETE FROM {schema}.subscription_schedules WHERE tenant_id = @tenant AND subscription_id = @id", unit.Tenant).WithText("id", subscription.Id.Value);
            Add(batch, """
                INSERT INTO {schema}.subscriptions (tenant_id, subscription_id, customer_id, plan_id, status, document) VALUES (@tenant, @id, @customer, @plan, @status, @document)
                ON CONFLICT (tenant_id, subscription_id) DO UPDATE SET customer_id = excluded.customer_id, plan_id = excluded.plan_id, status = excluded.status, document = excluded.document
                """, unit.Tenant)
                .WithText("id", subscription.Id.Value)
                .WithText("customer", subscription.CustomerId.Value)
                .WithText("plan", subscription.PlanId.Value)
                .WithText("status", subscription.Status.ToString())
                .WithJson("document", DocumentSerializer.Serialize(subscription));
            for (var i = 0; i < schedule.Count; i++)
            {
                var payment = schedule[i];
                ArgumentNullException.ThrowIfNull(payment, nameof(schedule));
                Add(batch, """
                    INSERT INTO {schema}.subscription_schedules (tenant_id, subscription_id, ordinal, due_date, amount_minor, currency, status, document)
                    VALUES (@tenant, @id, @ordinal, @due, @amount, @currency, @status, @document)
                    """, unit.Tenant)
                    .WithText("id", subscription.Id.Value)
                    .With("ordinal", i)
                    .WithDate("due", payment.DueDate)
                    .WithBigint("amount", payment.Amount.MinorUnits)
                    .WithText("currency", payment.Amount.Currency.Code)
                    .WithText("status", payment.Status.ToString())
                    .WithJson("document", DocumentSerializer.Serialize(payment));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<Subscription>> ListForCustomersAsync(ITenantUnitOfWork unit, IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.subscriptions WHERE tenant_id = @tenant AND customer_id = ANY(@customers) ORDER BY subscription_id COLLATE \"C\"",
            c => c.WithText("tenant", unit.Tenant.Value).With("customers", customers.Select(x => x.Value).ToArray()),
            r => r.Document<Subscription>(0),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Subscription?> GetAsync(TenantId tenant, SubscriptionId id, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.subscriptions WHERE tenant_id = @tenant AND subscription_id = @id",
            c => c.WithText("tenant", tenant.Value).WithText("id", id.Value),
            r => r.Document<Subscription>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<ScheduledPayment>> GetScheduleAsync(TenantId tenant, SubscriptionId id, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.subscription_schedules WHERE tenant_id = @tenant AND subscription_id = @id ORDER BY ordinal",
            c => c.WithText("tenant", tenant.Value).WithText("id", id.Value),
            r => r.Document<ScheduledPayment>(0),
            cancellationToken).ConfigureAwait(false);

    private NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, TenantId tenant)
    {
        var command = new NpgsqlBatchCommand(database.Sql(sql)).WithText("tenant", tenant.Value);
        batch.BatchCommands.Add(command);
        return command;
    }
}
