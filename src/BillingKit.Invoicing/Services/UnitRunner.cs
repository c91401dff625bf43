using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Runs a service operation in its own unit of work: begin, do, commit (dispose without commit on failure).</summary>
internal static class UnitRunner
{
    public static async ValueTask<T> RunAsync<T>(IUnitOfWorkFactory units, TenantId tenant, Func<ITenantUnitOfWork, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var unit = await units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var result = await work(unit).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    public static LocalDate Today(IClock clock, DateTimeZone zone) => clock.GetCurrentInstant().InZone(zone).Date;
}
