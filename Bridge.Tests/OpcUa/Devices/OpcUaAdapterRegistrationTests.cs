using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.OpcUa.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.OpcUa.Devices;

public class OpcUaAdapterRegistrationTests
{
    [Fact]
    public async Task TwoNamedDevices_AreResolvedByKey_WithTheirOwnOptions()
    {
        await using var provider = Build(b => b
            .AddOpcUaAdapter("line1", o => Copy(OpcUaAdapterOptionsValidatorTests.Valid(), o))
            .AddOpcUaAdapter("line2", o =>
            {
                Copy(OpcUaAdapterOptionsValidatorTests.Valid(), o);
                o.System = "line2-plc";
            }));
        provider.GetRequiredKeyedService<OpcUaDevice>("line1").System.ShouldBe("line1");
        provider.GetRequiredKeyedService<OpcUaDevice>("line2").System.ShouldBe("line2-plc");
        provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Count().ShouldBe(2);
    }

    [Fact]
    public async Task InvalidOptions_FailValidationNamingTheProblem()
    {
        await using var provider = Build(b => b.AddOpcUaAdapter("broken", o => o.EndpointUrl = "tcp://x"));
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OpcUaAdapterOptions>>().Get("broken"));
        error.Message.ShouldContain("opcua adapter 'broken': endpoint must be an opc.tcp:// URL");
    }

    [Fact]
    public async Task DevicesDirectory_RegistersEveryFile_AndListsEveryProblemOfEveryFile()
    {
        var dir = Directory.CreateTempSubdirectory("bridge-opcua-devices-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "line1.yaml"), "endpointUrl: opc.tcp://127.0.0.1:4840/\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n");
            File.WriteAllText(Path.Combine(dir.FullName, "line2.yaml"), "endpointUrl: opc.tcp://127.0.0.1:4841/\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n");
            await using (var provider = Build(b => b.AddOpcUaDevices(dir.FullName)))
            {
                provider.GetRequiredKeyedService<OpcUaDevice>("line2").Name.ShouldBe("line2");
            }
            File.WriteAllText(Path.Combine(dir.FullName, "line3.yaml"), "endpointUrl: http://x\n");
            File.WriteAllText(Path.Combine(dir.FullName, "line4.yaml"), "endpointUrl: [\n");
            var error = Should.Throw<OpcUaAdapterException>(() => Build(b => b.AddOpcUaDevices(dir.FullName)));
            error.Problems.ShouldContain(p => p.Contains("line3.yaml") && p.Contains("endpoint must be an opc.tcp:// URL"));
            error.Problems.ShouldContain(p => p.Contains("line3.yaml") && p.Contains("no nodes and no writes"));
            error.Problems.ShouldContain(p => p.Contains("line4.yaml:"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static ServiceProvider Build(Action<IBridgeBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<IOpcUaEnvelopeSink, NullSink>();
        configure(new BridgeBuilder(services));
        return services.BuildServiceProvider();
    }

    private static void Copy(OpcUaAdapterOptions from, OpcUaAdapterOptions to)
    {
        to.EndpointUrl = from.EndpointUrl;
        to.Nodes = from.Nodes;
        to.Writes = from.Writes;
    }

    private sealed class NullSink : IOpcUaEnvelopeSink
    {
        public ValueTask AcceptAsync(InboundEnvelope envelope, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
