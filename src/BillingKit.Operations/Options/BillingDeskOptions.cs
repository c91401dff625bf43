namespace BillingKit.Operations;

/// <summary>
/// The billing desk's settings: credit authority, escalations, pay links, provider health and the refund and
/// dispute policies. Every default is documented on its property; the options are validated at start-up.
/// </summary>
/// <remarks>Configure with <c>services.AddBillingKit(o =&gt; o.Desk...)</c>; not thread-safe while being configured.</remarks>
public sealed class BillingDeskOptions
{
    /// <summary>Gets the credit authority per role and currency.</summary>
    /// <value>See <see cref="CreditAuthorityOptions"/>.</value>
    public CreditAuthorityOptions CreditAuthority { get; } = new();

    /// <summary>Gets the escalation matrix and the mass payment failure detector's settings.</summary>
    /// <value>See <see cref="EscalationOptions"/>.</value>
    public EscalationOptions Escalations { get; } = new();

    /// <summary>Gets the pay link signing keys and lifetime.</summary>
    /// <value>See <see cref="PayLinkOptions"/>.</value>
    public PayLinkOptions PayLinks { get; } = new();

    /// <summary>Gets when providers count as degraded and recovered.</summary>
    /// <value>See <see cref="ProviderHealthOptions"/>.</value>
    public ProviderHealthOptions ProviderHealth { get; } = new();

    /// <summary>Gets the refund policy's rules.</summary>
    /// <value>See <see cref="RefundPolicyOptions"/>.</value>
    public RefundPolicyOptions RefundPolicy { get; } = new();

    /// <summary>Gets the dispute response policy's rules.</summary>
    /// <value>See <see cref="DisputePolicyOptions"/>.</value>
    public DisputePolicyOptions DisputePolicy { get; } = new();
}
