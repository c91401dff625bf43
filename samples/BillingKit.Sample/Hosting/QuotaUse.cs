using BillingKit.Entitlements;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// How the host consumes quota through the gate. With a shared lease store (PostgreSQL) the gate answers
/// <see cref="EntitlementReason.LeaseUnavailable"/> while it fetches a lease off the hot path; the host tries again
/// shortly, as a real API would (or answers 429 and lets the client retry).
/// </summary>
internal static class QuotaUse
{
    private const int Attempts = 200;

    public static async Task<EntitlementDecision> TryConsumeAsync(EntitlementGate gate, TenantId tenant, Metric metric, long amount, CancellationToken cancellationToken = default)
    {
        var decision = gate.TryConsume(tenant, metric, amount);
        for (var attempt = 1; attempt < Attempts && decision.Reason == EntitlementReason.LeaseUnavailable; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            decision = gate.TryConsume(tenant, metric, amount);
        }

        return decision;
    }

    public static async Task<EntitlementDecision> CheckAsync(EntitlementGate gate, TenantId tenant, Metric metric, long amount, CancellationToken cancellationToken = default)
    {
        var decision = gate.Check(tenant, metric, amount);
        for (var attempt = 1; attempt < Attempts && decision.Reason == EntitlementReason.LeaseUnavailable; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            decision = gate.Check(tenant, metric, amount);
        }

        return decision;
    }
}
