using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.DeviceFiles;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings;

namespace Bridge.Host.Pipeline.Devices;

/// <summary>
/// Registers every OPC UA device described in <c>config/devices/*.yaml</c> (one file per device, named by the file),
/// and returns every problem: file errors, a system that systems.yaml does not define, a node whose message type
/// has no inbound mapping for the device's system.
/// </summary>
public static class DeviceConfiguration
{
    public static IReadOnlyList<ConfigurationError> AddOpcUaDevices(IServiceCollection services, string configDirectory, IReadOnlyCollection<SystemDefinition> systems, MappingSet? mappings)
    {
        var directory = Path.Combine(configDirectory, "devices");
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var problems = new List<ConfigurationError>();
        var builder = new BridgeBuilder(services);
        foreach (var path in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = OpcUaDeviceFile.Load(path);
            problems.AddRange(file.Errors.Select(e => new ConfigurationError(e.File, e.Line, e.Column, e.Message)));
            if (file.Options is not { } options)
            {
                continue;
            }

            var system = options.System ?? file.Name;
            if (systems.All(s => s.Id != system))
            {
                problems.Add(new ConfigurationError(path, 1, 1, $"device '{file.Name}' feeds system '{system}', which systems.yaml does not define"));
            }

            foreach (var node in options.Nodes.Where(n => mappings?.FindInbound(system, n.MessageType) is null))
            {
                problems.Add(new ConfigurationError(path, 1, 1, $"node '{node.Key}' of device '{file.Name}' feeds '{system}/{node.MessageType}', which no inbound mapping handles"));
            }

            foreach (var entry in options.Events.Where(e => mappings?.FindInbound(system, e.MessageType) is null))
            {
                problems.Add(new ConfigurationError(path, 1, 1, $"event '{entry.Key}' of device '{file.Name}' feeds '{system}/{entry.MessageType}', which no inbound mapping handles"));
            }

            builder.AddOpcUaAdapter(file.Name, options.CopyTo);
        }

        return problems;
    }
}
