using Microsoft.Extensions.Logging;

namespace BillingKit.Operations;

/// <summary>The money desk's and provider-event handler's log events (ids 8100-8149). Ids and codes only; no card data or secrets.</summary>
internal static partial class MoneyDeskLog
{
    [LoggerMessage(EventId = 8100, EventName = "ProviderEventHandled", Level = LogLevel.Information,
        Message = "Provider event {EventType} {EventId} from {Provider} for tenant {Tenant}: {Outcome}")]
    public static partial void EventHandled(ILogger logger, string eventType, string eventId, ProviderName provider, TenantId tenant, ProviderEventOutcome outcome);

    [LoggerMessage(EventId = 8101, EventName = "ProviderEventReplayed", Level = LogLevel.Debug,
        Message = "Provider event {EventId} from {Provider} for tenant {Tenant} was already handled; nothing written")]
    public static partial void EventReplayed(ILogger logger, string eventId, ProviderName provider, TenantId tenant);
}
