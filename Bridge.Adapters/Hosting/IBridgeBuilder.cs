using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Adapters.Hosting;

/// <summary>What adapter registrations extend: <c>builder.AddHttpAdapter("default")</c>.</summary>
public interface IBridgeBuilder
{
    IServiceCollection Services { get; }
}
