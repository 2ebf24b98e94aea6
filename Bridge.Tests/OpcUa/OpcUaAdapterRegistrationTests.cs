using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.OpcUa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.OpcUa;

public class OpcUaAdapterRegistrationTests
{
    [Fact]
    public async Task TwoNamedDevices_AreResolvedByKey_WithTheirOwnOptions()
    {
        await using var provider = Build(b => b
            .AddOpcUaAdapter("line1", o => OpcUaAdapterOptionsValidatorTests.Valid().CopyTo(o))
            .AddOpcUaAdapter("line2", o =>
            {
                OpcUaAdapterOptionsValidatorTests.Valid().CopyTo(o);
                o.System = "line2-plc";
            }));
        provider.GetRequiredKeyedService<OpcUaDevice>("line1").System.ShouldBe("line1");
        provider.GetRequiredKeyedService<OpcUaDevice>("line2").System.ShouldBe("line2-plc");
        provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Count().ShouldBe(2);
        provider.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For("opcua", "line2")).ShouldBeOfType<OpcUaOutboundSender>();
    }

    [Fact]
    public async Task InvalidOptions_FailValidationNamingTheProblem()
    {
        await using var provider = Build(b => b.AddOpcUaAdapter("broken", o => o.EndpointUrl = "tcp://x"));
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OpcUaAdapterOptions>>().Get("broken"));
        error.Message.ShouldContain("opcua adapter 'broken': endpoint must be an opc.tcp:// URL");
    }

    private static ServiceProvider Build(Action<IBridgeBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<IEnvelopeSink, NullSink>();
        configure(new BridgeBuilder(services));
        return services.BuildServiceProvider();
    }

    private sealed class NullSink : IEnvelopeSink
    {
        public Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct) => Task.FromResult(EnvelopeReceipt.Taken);
    }
}
