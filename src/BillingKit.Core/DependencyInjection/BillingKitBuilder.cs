using Microsoft.Extensions.DependencyInjection;

namespace BillingKit;

internal sealed class BillingKitBuilder(IServiceCollection services) : IBillingKitBuilder
{
    public IServiceCollection Services { get; } = services;
}
