namespace BillingKit.Operations;

/// <summary>A desk action on a dispute that does not exist for the tenant or is already closed. Nothing was changed.</summary>
public sealed class DisputeNotOpenException : BillingException
{
    /// <summary>Initializes a new instance of the <see cref="DisputeNotOpenException"/> class.</summary>
    /// <param name="disputeId">The provider's dispute id.</param>
    /// <param name="status">Its status, or <see langword="null"/> when the tenant has no such dispute.</param>
    public DisputeNotOpenException(string disputeId, DeskDisputeStatus? status)
        : base(status is { } s
            ? $"Dispute '{disputeId}' is {s}; only an open dispute (or one with evidence submitted) can take evidence or be accepted. Nothing was changed."
            : $"The tenant has no dispute '{disputeId}'; disputes are opened by the provider's dispute-opened event. Nothing was changed.")
    {
        DisputeId = disputeId;
        Status = status;
    }

    /// <summary>Gets the provider's dispute id.</summary>
    public string DisputeId { get; }

    /// <summary>Gets the dispute's status, or <see langword="null"/> when there is none.</summary>
    public DeskDisputeStatus? Status { get; }
}
