using System.Globalization;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// Stands in for a card processor: every charge succeeds unless the demo scripted a decline for the tenant. Charge ids
/// are numbered, so runs are repeatable.
/// </summary>
internal sealed class SimulatedCardNetwork
{
    private readonly Dictionary<TenantId, Queue<string>> _declines = [];
    private int _sequence;

    /// <summary>Makes the tenant's next charges fail with these decline codes, one per charge.</summary>
    public void DeclineNext(TenantId tenant, params string[] declineCodes)
    {
        if (!_declines.TryGetValue(tenant, out var queue))
        {
            queue = new Queue<string>();
            _declines[tenant] = queue;
        }

        foreach (var code in declineCodes)
        {
            queue.Enqueue(code);
        }
    }

    /// <summary>Charges the tenant's saved card.</summary>
    /// <returns>The provider's charge id and, when declined, the decline code.</returns>
    public (string ChargeId, string? DeclineCode) Charge(TenantId tenant)
    {
        _sequence++;
        var chargeId = string.Create(CultureInfo.InvariantCulture, $"ch_{tenant.Value}_{_sequence:000}");
        return _declines.TryGetValue(tenant, out var queue) && queue.TryDequeue(out var decline)
            ? (chargeId, decline)
            : (chargeId, null);
    }
}
