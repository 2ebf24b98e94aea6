using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Adapters.Hosting;

public sealed class BridgeBuilder(IServiceCollection services) : IBridgeBuilder
{
    public IServiceCollection Services { get; } = services;
}
