using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingKit.Invoicing;

/// <summary>The default <see cref="IInvoicingNotifier"/>: writes each notice to the log and sends nothing to the
/// customer. Register your own notifier to reach customers.</summary>
/// <remarks>Works without logging configured: with no <see cref="ILogger{T}"/> registered it logs nowhere.</remarks>
internal sealed partial class LoggingInvoicingNotifier(ILogger<LoggingInvoicingNotifier>? logger = null) : IInvoicingNotifier
{
    private readonly ILogger _logger = logger ?? NullLogger<LoggingInvoicingNotifier>.Instance;

    public ValueTask PurchaseOrderRejectedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        LogRejected(tenant.Value, order.Number, order.CustomerId.Value, order.RejectionReason ?? string.Empty);
        return ValueTask.CompletedTask;
    }

    public ValueTask PurchaseOrderApprovedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        LogApproved(tenant.Value, order.Number, order.CustomerId.Value);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Purchase order {Number} of customer {CustomerId} (tenant {Tenant}) was rejected: {Reason}. No notifier is registered, so the customer was not told; register an IInvoicingNotifier.")]
    private partial void LogRejected(string tenant, string number, string customerId, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Purchase order {Number} of customer {CustomerId} (tenant {Tenant}) was approved.")]
    private partial void LogApproved(string tenant, string number, string customerId);
}
