namespace BillingKit.Operations;

/// <summary>The refund policy's rules. Rules are tried in order; the first that applies decides.</summary>
/// <remarks>
/// <list type="number">
/// <item>A payment that received no money, or a refund above what is still refundable, is refused.</item>
/// <item>A technical error is allowed (<see cref="AllowTechnicalErrors"/>).</item>
/// <item>A duplicate charge is allowed (<see cref="AllowDuplicateCharges"/>).</item>
/// <item>An accidental renewal is allowed within <see cref="AccidentalRenewalWindow"/> of the renewal payment, and
/// needs review after it or when the payment was not a renewal.</item>
/// <item>Anything else needs review.</item>
/// </list>
/// </remarks>
public sealed class RefundPolicyOptions
{
    /// <summary>Gets or sets whether refunds for technical errors are allowed outright.</summary>
    /// <value><see langword="true"/>.</value>
    public bool AllowTechnicalErrors { get; set; } = true;

    /// <summary>Gets or sets whether refunds of duplicate charges are allowed outright.</summary>
    /// <value><see langword="true"/>.</value>
    public bool AllowDuplicateCharges { get; set; } = true;

    /// <summary>Gets or sets how long after an accidental renewal its refund is allowed outright; zero turns the rule off.</summary>
    /// <value>7 days.</value>
    public TimeSpan AccidentalRenewalWindow { get; set; } = TimeSpan.FromDays(7);
}
