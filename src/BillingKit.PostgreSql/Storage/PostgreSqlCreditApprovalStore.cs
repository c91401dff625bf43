using BillingKit.Operations;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Credit approval requests in PostgreSQL: added pending, decided once, listed in the order they were added.</summary>
internal sealed class PostgreSqlCreditApprovalStore(PostgreSqlDatabase database) : ICreditApprovalStore
{
    public async ValueTask AddAsync(ITenantUnitOfWork unit, CreditApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pg = Require(unit, request);
        if (request.Status != CreditApprovalStatus.Pending)
        {
            throw new ArgumentException("A new credit approval request must be Pending.", nameof(request));
        }

        if (await FindAsync(unit, request.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new ArgumentException($"A credit approval request with id '{request.Id}' already exists.", nameof(request));
        }

        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.credit_approvals (tenant_id, request_id, status, amount_minor, currency, requested_at_ticks, document)
            VALUES (@tenant, @id, @status, @amount, @currency, @requested, @document)
            """,
            c => Bind(c, request).WithBigint("requested", Db.Ticks(request.RequestedAt)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DecideAsync(ITenantUnitOfWork unit, CreditApprovalRequest decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var pg = Require(unit, decided);
        if (decided.Status == CreditApprovalStatus.Pending)
        {
            throw new ArgumentException("A decided request must be Approved or Rejected.", nameof(decided));
        }

        var current = await FindAsync(unit, decided.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new CreditApprovalException(decided.Id, CreditApprovalFailure.NotFound, "there is no such request for the tenant");
        if (current.Status != CreditApprovalStatus.Pending)
        {
            throw new CreditApprovalException(decided.Id, CreditApprovalFailure.NotPending, $"it is already {current.Status}");
        }

        await pg.ExecuteAsync(
            "UPDATE {schema}.credit_approvals SET status = @status, amount_minor = @amount, currency = @currency, document = @document WHERE tenant_id = @tenant AND request_id = @id",
            c => Bind(c, decided),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CreditApprovalRequest?> FindAsync(ITenantUnitOfWork unit, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.credit_approvals WHERE tenant_id = @tenant AND request_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", id),
            r => r.Document<CreditApprovalRequest>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<CreditApprovalRequest>> ListAsync(TenantId? tenant, CreditApprovalStatus? status, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.credit_approvals WHERE (@tenant::text IS NULL OR tenant_id = @tenant) AND (@status::text IS NULL OR status = @status) ORDER BY seq",
            c => c.WithText("tenant", tenant?.Value).WithText("status", status?.ToString()),
            r => r.Document<CreditApprovalRequest>(0),
            cancellationToken).ConfigureAwait(false);

    private static PostgreSqlUnitOfWork Require(ITenantUnitOfWork unit, CreditApprovalRequest request)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (request.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The request is for tenant '{request.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(request));
        }

        return pg;
    }

    private static Npgsql.NpgsqlCommand Bind(Npgsql.NpgsqlCommand command, CreditApprovalRequest request) =>
        command.WithText("tenant", request.Tenant.Value)
            .WithText("id", request.Id)
            .WithText("status", request.Status.ToString())
            .WithBigint("amount", request.Amount.MinorUnits)
            .WithText("currency", request.Amount.Currency.Code)
            .WithJson("document", DocumentSerializer.Serialize(request));
}
