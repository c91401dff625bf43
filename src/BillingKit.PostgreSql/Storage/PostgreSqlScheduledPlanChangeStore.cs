using BillingKit.Operations;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.PostgreSql.Storage;

/// <summary>The plan changes scheduled for period end in PostgreSQL, found by id, by subscription (old or new) or as due across tenants.</summary>
internal sealed class PostgreSqlScheduledPlanChangeStore(PostgreSqlDatabase database) : IScheduledPlanChangeStore
{
    private const string Pending = nameof(ScheduledPlanChangeStatus.Pending);

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, ScheduledPlanChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(change);
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (change.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The scheduled plan change is for tenant '{change.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(change));
        }

        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.scheduled_plan_changes (tenant_id, change_id, subscription_id, next_subscription_id, status, effective_on, document)
            VALUES (@tenant, @id, @subscription, @next, @status, @effective, @document)
            ON CONFLICT (tenant_id, change_id) DO UPDATE SET subscription_id = excluded.subscription_id, next_subscription_id = excluded.next_subscription_id,
                status = excluded.status, effective_on = excluded.effective_on, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("id", change.Id)
                .WithText("subscription", change.Subscription.Value)
                .WithText("next", change.Next.Value)
                .WithText("status", change.Status.ToString())
                .WithDate("effective", change.EffectiveOn)
                .WithJson("document", DocumentSerializer.Serialize(change)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ScheduledPlanChange?> FindAsync(ITenantUnitOfWork unit, string changeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changeId);
        var rows = await InUnitAsync(unit, "change_id = @value", changeId, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<ScheduledPlanChange>> ListPendingForSubscriptionAsync(ITenantUnitOfWork unit, SubscriptionId subscription, CancellationToken cancellationToken = default) =>
        [
            .. (await InUnitAsync(unit, "status = '" + Pending + "' AND (subscription_id = @value OR next_subscription_id = @value)", subscription.Value, cancellationToken).ConfigureAwait(false))
                .OrderBy(c => c.ScheduledAt),
        ];

    public async ValueTask<IReadOnlyList<ScheduledPlanChange>> ListPendingDueAsync(LocalDate effectiveOnOrBefore, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.scheduled_plan_changes WHERE status = '" + Pending + "' AND effective_on <= @effective ORDER BY effective_on, seq",
            c => c.WithDate("effective", effectiveOnOrBefore),
            r => r.Document<ScheduledPlanChange>(0),
            cancellationToken).ConfigureAwait(false);

    private static async ValueTask<List<ScheduledPlanChange>> InUnitAsync(ITenantUnitOfWork unit, string condition, string value, CancellationToken cancellationToken) =>
        await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.scheduled_plan_changes WHERE tenant_id = @tenant AND " + condition + " ORDER BY seq",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("value", value),
            r => r.Document<ScheduledPlanChange>(0),
            cancellationToken).ConfigureAwait(false);
}
