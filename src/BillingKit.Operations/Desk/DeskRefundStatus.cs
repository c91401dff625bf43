namespace BillingKit.Operations;

/// <summary>Where a refund the desk sent to a provider stands.</summary>
public enum DeskRefundStatus
{
    /// <summary>Sent, but the provider's answer is not final (it is processing, or the call timed out): the ledger is
    /// not touched until a provider event or reconciliation settles it.</summary>
    Pending = 0,

    /// <summary>The provider refunded the money and the ledger refund is posted.</summary>
    Succeeded = 1,

    /// <summary>The provider refused or failed the refund; the ledger is not touched.</summary>
    Failed = 2,
}
