namespace BillingKit.Operations;

/// <summary>The result of verifying a pay link.</summary>
/// <param name="Status">What the verification found.</param>
/// <param name="Claims">What the link says, when it is authentic (<see cref="PayLinkStatus.Valid"/>,
/// <see cref="PayLinkStatus.Expired"/> or <see cref="PayLinkStatus.Revoked"/>); <see langword="null"/> when tampered.</param>
public sealed record PayLinkVerification(PayLinkStatus Status, PayLinkClaims? Claims)
{
    /// <summary>Gets whether the payment page may be shown.</summary>
    public bool IsValid => Status == PayLinkStatus.Valid;
}
