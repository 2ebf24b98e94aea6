using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.Http;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.Brokers;
using Bridge.Host.Pipeline.Devices;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Host.Composition;

/// <summary>
/// The adapters systems.yaml names (every HTTP instance a system is sent to or received from), the OPC UA devices of
/// config/devices, and the one inbound path they hand envelopes to. A system bound to an adapter instance that no
/// registration provides stops the start with the file, line and column of the binding.
/// </summary>
public static class BridgeAdapterComposition
{
    private static readonly string[] InboundAdapters = [AdapterBinding.Http, "opcua", BrokerAdapterConfiguration.Mqtt, BrokerAdapterConfiguration.Amqp];

    public static IServiceCollection AddBridgeAdapters(this IServiceCollection services, LoadedConfiguration loaded)
    {
        services.AddSingleton(sp => InboundDocumentBudget.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<EnvelopeIngestor>();
        services.AddSingleton<IEnvelopeSink>(sp => sp.GetRequiredService<EnvelopeIngestor>());
        // Until OpcUaDevice takes IEnvelopeSink (the adapters' side of issue 7), devices reach the ingestor through this.

        services.AddTelemetryPath(loaded.Systems);

        var builder = new BridgeBuilder(services);
        var httpInstances = loaded.Systems
            .SelectMany(s => new[] { s.Inbound, s.Outbound })
            .OfType<AdapterBinding>()
            .Where(b => b.Adapter == AdapterBinding.Http)
            .Select(b => b.Instance)
            .Append(AdapterBinding.DefaultInstance)
            .Distinct(StringComparer.Ordinal);
        foreach (var instance in httpInstances)
        {
            builder.AddHttpAdapter(instance);
        }

        var problems = DeviceConfiguration.AddOpcUaDevices(services, loaded.Directory, loaded.Systems, loaded.Mappings).ToList();
        problems.AddRange(BrokerAdapterConfiguration.AddBrokerAdapters(services, loaded.Systems, loaded.Mappings));
        problems.AddRange(UnknownBindings(services, loaded.Systems));
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }

        return services;
    }

    private static IEnumerable<ConfigurationError> UnknownBindings(IServiceCollection services, IEnumerable<SystemDefinition> systems)
    {
        var senders = services.Where(d => d.IsKeyedService && d.ServiceType == typeof(IEnvelopeSender)).Select(d => d.ServiceKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var system in systems)
        {
            if (system.Outbound is { } send && !senders.Contains(send.Key))
            {
                yield return send.Location with
                {
                    Message = $"system '{system.Id}': send adapter '{send.Key}' is not registered; known senders: {string.Join(", ", senders.Order(StringComparer.Ordinal))}",
                };
            }

            if (!InboundAdapters.Contains(system.Inbound.Adapter))
            {
                yield return system.Inbound.Location with
                {
                    Message = $"system '{system.Id}': receive adapter '{system.Inbound.Adapter}' is not known; expected one of {string.Join(", ", InboundAdapters)}",
                };
            }
        }
    }
}
