using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bridge.Tests.Mqtt;

/// <summary>A host with one MQTT adapter instance (<c>bridge</c>) handing what it receives to the given sink.</summary>
internal sealed class MqttAdapterHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private MqttAdapterHarness(IHost host) => _host = host;

    public MqttConnection Connection => _host.Services.GetRequiredKeyedService<MqttConnection>("bridge");

    public IEnvelopeSender Sender => _host.Services.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For("mqtt", "bridge"));

    public static async Task<MqttAdapterHarness> StartAsync(IEnvelopeSink sink, Action<MqttAdapterOptions> configure, Action<IBridgeBuilder>? more = null, bool waitConnected = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(sink);
        var bridge = new BridgeBuilder(builder.Services);
        more?.Invoke(bridge);
        bridge.AddMqttAdapter("bridge", o =>
        {
            o.ReconnectMinDelayMs = 50;
            o.ReconnectMaxDelayMs = 500;
            configure(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        var harness = new MqttAdapterHarness(host);
        if (waitConnected)
            await harness.Connection.Connected.WaitAsync(TimeSpan.FromSeconds(15));
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
