using Microsoft.Extensions.DependencyInjection;

namespace BillingKit;

/// <summary>
/// Configures BillingKit in a service collection. Returned by <c>services.AddBillingKit(...)</c>; provider
/// adapters and stores extend it (<c>.AddStripe(...)</c>, <c>.UsePostgreSql(...)</c>).
/// </summary>
public interface IBillingKitBuilder
{
    /// <summary>Gets the service collection being configured.</summary>
    IServiceCollection Services { get; }
}
