namespace BillingKit.Providers;

/// <summary>How a dispute closed.</summary>
public enum DisputeOutcome
{
    /// <summary>In our favour; disputed money returns to us.</summary>
    Won = 0,

    /// <summary>In the customer's favour, or accepted; the money is gone.</summary>
    Lost = 1,

    /// <summary>An inquiry closed before it became a charge-back; no money moved.</summary>
    ClosedWithoutChargeback = 2,
}
