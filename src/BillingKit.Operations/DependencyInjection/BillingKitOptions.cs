using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;

namespace BillingKit.Operations;

/// <summary>
/// Everything <c>services.AddBillingKit(o =&gt; ...)</c> configures: each context's options and the desk's. Each
/// property is the same options type the context registers on its own (<c>AddLedger</c>, <c>AddDunning</c>, ...), with
/// the defaults documented there, and is validated at start-up by that context's validator.
/// </summary>
/// <remarks>The configure delegate runs once for each options type when that type is first built, each time with this
/// object's other properties set to throwaway defaults; configure only through these properties and keep the delegate
/// free of other side effects.</remarks>
public sealed class BillingKitOptions
{
    /// <summary>Creates options with every default.</summary>
    public BillingKitOptions()
    {
    }

    internal BillingKitOptions(
        LedgerOptions? ledger = null,
        DunningOptions? dunning = null,
        EntitlementOptions? entitlements = null,
        InvoicingOptions? invoicing = null,
        BillingDeskOptions? desk = null,
        DeskViewOptions? views = null)
    {
        Ledger = ledger ?? new LedgerOptions();
        Dunning = dunning ?? new DunningOptions();
        Entitlements = entitlements ?? new EntitlementOptions();
        Invoicing = invoicing ?? new InvoicingOptions();
        Desk = desk ?? new BillingDeskOptions();
        Views = views ?? new DeskViewOptions();
    }

    /// <summary>Gets the ledger's options (page sizes).</summary>
    /// <value>See <see cref="LedgerOptions"/>.</value>
    public LedgerOptions Ledger { get; } = new();

    /// <summary>Gets dunning's default policy (retry schedule, stage days, access per stage).</summary>
    /// <value>See <see cref="DunningOptions"/>.</value>
    public DunningOptions Dunning { get; } = new();

    /// <summary>Gets the entitlements' plans and what limited access denies.</summary>
    /// <value>See <see cref="EntitlementOptions"/>.</value>
    public EntitlementOptions Entitlements { get; } = new();

    /// <summary>Gets invoicing's number formats, time zone and manual payment instructions.</summary>
    /// <value>See <see cref="InvoicingOptions"/>.</value>
    public InvoicingOptions Invoicing { get; } = new();

    /// <summary>Gets the desk's credit authority, escalations, pay links, provider health and policies.</summary>
    /// <value>See <see cref="BillingDeskOptions"/>.</value>
    public BillingDeskOptions Desk { get; } = new();

    /// <summary>Gets how much the desk's views show.</summary>
    /// <value>See <see cref="DeskViewOptions"/>.</value>
    public DeskViewOptions Views { get; } = new();
}
