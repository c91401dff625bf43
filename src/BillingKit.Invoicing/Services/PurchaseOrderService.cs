using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Takes purchase orders in, runs their review queue (approve or reject with a reason), and expires them.</summary>
/// <remarks>
/// <para>Invoices draw down approved orders when <see cref="InvoiceService"/> finalizes them. Review decisions are sent
/// to the customer through <see cref="IInvoicingNotifier"/> after the decision commits; the methods that take the
/// caller's unit cannot know when it commits, so they do not notify; their caller calls the notifier after committing.</para>
/// <para>Every mutating method comes in a form that takes the caller's <see cref="ITenantUnitOfWork"/> and one that
/// begins and commits its own. Thread-safe.</para>
/// </remarks>
public sealed class PurchaseOrderService
{
    private readonly IPurchaseOrderStore _orders;
    private readonly IInvoicingNotifier _notifier;
    private readonly IUnitOfWorkFactory _units;
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;

    /// <summary>Creates the service.</summary>
    /// <param name="orders">The purchase-order store.</param>
    /// <param name="notifier">Tells customers about review decisions.</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The invoicing options (time zone).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options' time zone is unknown.</exception>
    public PurchaseOrderService(IPurchaseOrderStore orders, IInvoicingNotifier notifier, IUnitOfWorkFactory units, IClock clock, IOptions<InvoicingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _orders = orders;
        _notifier = notifier;
        _units = units;
        _clock = clock;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.Value.TimeZoneId)
            ?? throw new ArgumentException($"'{options.Value.TimeZoneId}' is not an IANA time zone id.", nameof(options));
    }

    /// <summary>Submits a purchase order for review in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The submitted order.</returns>
    /// <exception cref="PurchaseOrderValidationException">The order has no number, no amount, or an inverted validity.</exception>
    public ValueTask<PurchaseOrder> SubmitAsync(TenantId tenant, NewPurchaseOrder order, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => SubmitAsync(unit, order, cancellationToken), cancellationToken);

    /// <summary>Submits a purchase order for review within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The submitted order.</returns>
    /// <exception cref="PurchaseOrderValidationException">The order has no number, no amount, or an inverted validity.</exception>
    public async ValueTask<PurchaseOrder> SubmitAsync(ITenantUnitOfWork unit, NewPurchaseOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var submitted = PurchaseOrder.Submit(PurchaseOrderId.New(), order, _clock.GetCurrentInstant());
        await _orders.SaveAsync(unit, submitted, cancellationToken).ConfigureAwait(false);
        return submitted;
    }

    /// <summary>Approves an order in its own unit of work, then notifies the customer.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="reviewer">Who approves it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The approved order.</returns>
    /// <exception cref="InvoicingNotFoundException">No such order.</exception>
    /// <exception cref="PurchaseOrderStateException">It is not submitted.</exception>
    public async ValueTask<PurchaseOrder> ApproveAsync(TenantId tenant, PurchaseOrderId orderId, Actor reviewer, CancellationToken cancellationToken = default)
    {
        var approved = await UnitRunner.RunAsync(_units, tenant, unit => ApproveAsync(unit, orderId, reviewer, cancellationToken), cancellationToken).ConfigureAwait(false);
        await _notifier.PurchaseOrderApprovedAsync(tenant, approved, cancellationToken).ConfigureAwait(false);
        return approved;
    }

    /// <summary>Approves an order within a unit of work, without notifying (the caller notifies after committing).</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="reviewer">Who approves it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The approved order.</returns>
    /// <exception cref="InvoicingNotFoundException">No such order.</exception>
    /// <exception cref="PurchaseOrderStateException">It is not submitted.</exception>
    public async ValueTask<PurchaseOrder> ApproveAsync(ITenantUnitOfWork unit, PurchaseOrderId orderId, Actor reviewer, CancellationToken cancellationToken = default)
    {
        var order = await RequireAsync(unit, orderId, cancellationToken).ConfigureAwait(false);
        var approved = order.Approve(reviewer, _clock.GetCurrentInstant());
        await _orders.SaveAsync(unit, approved, cancellationToken).ConfigureAwait(false);
        return approved;
    }

    /// <summary>Rejects an order with a reason in its own unit of work, then sends the reason to the customer.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="reviewer">Who rejects it.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rejected order.</returns>
    /// <exception cref="InvoicingNotFoundException">No such order.</exception>
    /// <exception cref="PurchaseOrderValidationException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="PurchaseOrderStateException">It is not submitted.</exception>
    public async ValueTask<PurchaseOrder> RejectAsync(TenantId tenant, PurchaseOrderId orderId, Actor reviewer, string? reason, CancellationToken cancellationToken = default)
    {
        var rejected = await UnitRunner.RunAsync(_units, tenant, unit => RejectAsync(unit, orderId, reviewer, reason, cancellationToken), cancellationToken).ConfigureAwait(false);
        await _notifier.PurchaseOrderRejectedAsync(tenant, rejected, cancellationToken).ConfigureAwait(false);
        return rejected;
    }

    /// <summary>Rejects an order with a reason within a unit of work, without notifying (the caller notifies after committing).</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="reviewer">Who rejects it.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rejected order.</returns>
    /// <exception cref="InvoicingNotFoundException">No such order.</exception>
    /// <exception cref="PurchaseOrderValidationException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="PurchaseOrderStateException">It is not submitted.</exception>
    public async ValueTask<PurchaseOrder> RejectAsync(ITenantUnitOfWork unit, PurchaseOrderId orderId, Actor reviewer, string? reason, CancellationToken cancellationToken = default)
    {
        var order = await RequireAsync(unit, orderId, cancellationToken).ConfigureAwait(false);
        var rejected = order.Reject(reviewer, reason, _clock.GetCurrentInstant());
        await _orders.SaveAsync(unit, rejected, cancellationToken).ConfigureAwait(false);
        return rejected;
    }

    /// <summary>Expires every submitted or approved order whose validity ended before today, in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The orders that expired now.</returns>
    public ValueTask<IReadOnlyList<PurchaseOrder>> ExpireAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => ExpireAsync(unit, cancellationToken), cancellationToken);

    /// <summary>Expires every submitted or approved order whose validity ended before today, within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The orders that expired now.</returns>
    public async ValueTask<IReadOnlyList<PurchaseOrder>> ExpireAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var today = UnitRunner.Today(_clock, _zone);
        var expired = new List<PurchaseOrder>();
        foreach (var order in await _orders.ListAsync(unit, status: null, cancellationToken).ConfigureAwait(false))
        {
            var after = order.ExpireIfPast(today);
            if (after.Status != order.Status)
            {
                expired.Add(after);
            }
        }

        foreach (var order in expired)
        {
            await _orders.SaveAsync(unit, order, cancellationToken).ConfigureAwait(false);
        }

        return expired;
    }

    /// <summary>Gets the review queue: submitted orders, oldest first, each with its amount, status and submission time.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The orders waiting for review.</returns>
    public ValueTask<IReadOnlyList<PurchaseOrder>> GetReviewQueueAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _orders.ListAsync(tenant, PurchaseOrderStatus.Submitted, cancellationToken);

    /// <summary>Lists a tenant's orders, optionally in one status, oldest submission first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="status">The status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The orders.</returns>
    public ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(TenantId tenant, PurchaseOrderStatus? status = null, CancellationToken cancellationToken = default) =>
        _orders.ListAsync(tenant, status, cancellationToken);

    /// <summary>Gets a committed order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    public ValueTask<PurchaseOrder?> GetAsync(TenantId tenant, PurchaseOrderId orderId, CancellationToken cancellationToken = default) =>
        _orders.GetAsync(tenant, orderId, cancellationToken);

    private async ValueTask<PurchaseOrder> RequireAsync(ITenantUnitOfWork unit, PurchaseOrderId orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await _orders.FindAsync(unit, orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoicingNotFoundException(unit.Tenant, "purchase order", orderId.Value);
    }
}
