using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.Mqtt;
using Bridge.Tests.Adapters;
using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace Bridge.Tests.Mqtt;

public sealed class MqttAdapterConformanceTests : AdapterConformanceTests<MqttAdapterOptions>
{
    protected override string Kind => "mqtt";

    protected override IBridgeBuilder AddAdapter(IBridgeBuilder builder, string name, Action<MqttAdapterOptions>? configure) =>
        builder.AddMqttAdapter(name, configure);

    protected override void MakeValid(MqttAdapterOptions options) => options.Port = 1883;

    protected override void MakeInvalid(MqttAdapterOptions options) => options.ProtocolVersion = "4";

    protected override string InvalidMessage(string name) => $"mqtt adapter '{name}': ProtocolVersion must be 3.1.1 or 5, was '4'";

    protected override void Mark(MqttAdapterOptions options, int mark) => options.KeepAliveSeconds = 100 + mark;

    protected override int MarkOf(MqttAdapterOptions options) => options.KeepAliveSeconds - 100;

    protected override async Task<IAdapterPeer<MqttAdapterOptions>?> StartPeerAsync()
    {
        if (MqttTestBroker.Shared is not { } broker)
            return null;
        var root = "conformance/" + Guid.NewGuid().ToString("N");
        var (receiver, received) = await MqttTestBroker.SubscribeAsync(broker.Host, broker.Port, root + "/out/#");
        return new Peer(broker.Host, broker.Port, root, receiver, received);
    }

    /// <summary>Mosquitto: a sensor client publishes what the adapter receives; a receiver client holds what the adapter publishes.</summary>
    private sealed class Peer(string host, int port, string root, IMqttClient receiver, System.Collections.Concurrent.ConcurrentQueue<MqttApplicationMessage> received)
        : IAdapterPeer<MqttAdapterOptions>
    {
        public void Configure(MqttAdapterOptions options)
        {
            options.Host = host;
            options.Port = port;
            options.ClientId = "conformance-" + Guid.NewGuid().ToString("N")[..8];
            options.Subscriptions.Add(new MqttSubscriptionOptions { Topic = root + "/in/+", System = "sensors", MessageType = "bin-level" });
        }

        public async Task ProduceInboundAsync(IServiceProvider adapter, string marker)
        {
            // The adapter connects in the background: wait for it before publishing (no retained messages here).
            var connection = adapter.GetRequiredKeyedService<MqttConnection>("peer");
            await connection.Connected.WaitAsync(TimeSpan.FromSeconds(15));
            using var sensor = await MqttTestBroker.ConnectAsync(host, port);
            await MqttTestBroker.PublishAsync(sensor, root + "/in/bin-7", marker);
        }

        public OutboundEnvelope Outbound(string marker) => new(
            "sensors",
            root + "/out/" + marker,
            "text/plain",
            Encoding.UTF8.GetBytes(marker),
            new Dictionary<string, string> { ["x-marker"] = marker },
            new Dictionary<string, string> { ["qos"] = "1" },
            new Dictionary<string, string>(),
            "key-" + marker);

        public async Task AssertReceivedAsync(string marker)
        {
            var message = await MqttTestBroker.WaitForAsync(received, m => m.Topic.EndsWith(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Encoding.UTF8.GetString(message.Payload.ToArray()).ShouldBe(marker);
            message.QualityOfServiceLevel.ShouldBe(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);
            message.UserProperties.ShouldContain(p => p.Name == "idempotency-key");
        }

        public async ValueTask DisposeAsync()
        {
            await receiver.DisconnectAsync();
            receiver.Dispose();
        }
    }
}
