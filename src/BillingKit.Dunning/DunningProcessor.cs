using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Runs every tenant's due dunning steps (retries and stage changes) for a given instant. A scheduler calls it;
/// running it twice for the same instant changes nothing the second time.</summary>
/// <remarks>Each tenant is decided in its own unit of work, so one tenant's failure does not roll back another's.
/// Thread-safe; concurrent runs serialize per tenant through the unit-of-work factory.</remarks>
public sealed class DunningProcessor
{
    private readonly IDunningStore _store;
    private readonly IUnitOfWorkFactory _units;
    private readonly DunningService _service;

    /// <summary>Creates the processor.</summary>
    /// <param name="store">The dunning store.</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="service">The dunning service.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DunningProcessor(IDunningStore store, IUnitOfWorkFactory units, DunningService service)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(service);
        _store = store;
        _units = units;
        _service = service;
    }

    /// <summary>Applies a <see cref="TimePassed"/> tick at <paramref name="now"/> to every tenant with something due at or before it.</summary>
    /// <param name="now">The instant to run for.</param>
    /// <param name="cancellationToken">Cancels between tenants.</param>
    /// <returns>The decisions that changed something, with the effects for the caller to carry out (charges, notifications, access changes).</returns>
    public async ValueTask<IReadOnlyList<DunningDecision>> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var due = await _store.FindDueAsync(now, cancellationToken).ConfigureAwait(false);
        var decisions = new List<DunningDecision>();
        foreach (var tenant in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
            await using (unit.ConfigureAwait(false))
            {
                var decision = await _service.ApplyAtAsync(unit, new TimePassed(now), now, cancellationToken).ConfigureAwait(false);
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (decision.Transitions.Count > 0 || decision.Effects.Count > 0)
                {
                    decisions.Add(decision);
                }
            }
        }

        return decisions;
    }
}
