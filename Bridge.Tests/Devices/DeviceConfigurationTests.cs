using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.Devices;
using Bridge.Mappings.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Devices;

/// <summary>config/devices/*.yaml is registered on one path: the host's, through AddOpcUaAdapter.</summary>
public class DeviceConfigurationTests
{
    private static readonly SystemDefinition[] Systems = new[] { "line1", "line2", "line3", "line4" }.Select(id => new SystemDefinition { Id = id, Inbound = new AdapterBinding(AdapterBinding.Http, AdapterBinding.DefaultInstance, new Dictionary<string, string>(), new ConfigurationError("systems.yaml", 1, 1, id)) }).ToArray();

    [Fact]
    public async Task DevicesDirectory_RegistersEveryFile_AndListsEveryProblemOfEveryFile()
    {
        var config = Directory.CreateTempSubdirectory("bridge-opcua-devices-");
        var dir = Directory.CreateDirectory(Path.Combine(config.FullName, "devices"));
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "line1.yaml"), "endpointUrl: opc.tcp://127.0.0.1:4840/\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n");
            File.WriteAllText(Path.Combine(dir.FullName, "line2.yaml"), "endpointUrl: opc.tcp://127.0.0.1:4841/\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n");
            var services = Services();
            DeviceConfiguration.AddOpcUaDevices(services, config.FullName, Systems, null).ShouldBeEmpty();
            services.AddSingleton<IEnvelopeSink, NullSink>();
            await using (var provider = services.BuildServiceProvider())
            {
                provider.GetRequiredKeyedService<OpcUaDevice>("line2").Name.ShouldBe("line2");
                provider.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For("opcua", "line1")).ShouldBeOfType<OpcUaOutboundSender>();
            }

            File.WriteAllText(Path.Combine(dir.FullName, "line3.yaml"), "endpointUrl: http://x\n");
            File.WriteAllText(Path.Combine(dir.FullName, "line4.yaml"), "endpointUrl: [\n");
            var problems = DeviceConfiguration.AddOpcUaDevices(Services(), config.FullName, Systems, null).Select(p => p.ToString()).ToList();
            var line3 = Path.Combine(dir.FullName, "line3.yaml");
            problems.ShouldContain($"{line3}:1:1: opcua adapter 'line3': endpoint must be an opc.tcp:// URL, was 'http://x'");
            problems.ShouldContain(p => p.StartsWith(line3 + ":1:1:", StringComparison.Ordinal) && p.Contains("no nodes and no writes"));
            problems.ShouldContain(p => p.StartsWith(Path.Combine(dir.FullName, "line4.yaml") + ":", StringComparison.Ordinal));
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        return services;
    }

    private sealed class NullSink : IEnvelopeSink
    {
        public Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct) => Task.FromResult(EnvelopeReceipt.Taken);
    }
}
