using System.Buffers;
using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Mqtt;
using Bridge.Contracts.Messages;
using Bridge.Tests.Mappings;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Tests.Mqtt;

/// <summary>The adapter against the Mosquitto ./test.sh starts: QoS levels both ways, topic metadata, ack only after the sink took a message.</summary>
public sealed class MqttInboundOutboundTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Inbound_EachQos_ReachesTheSinkWithItsQos(int qos)
    {
        if (MqttTestBroker.Shared is not { } broker)
            return;
        var root = "qos-in/" + Guid.NewGuid().ToString("N");
        var sink = new CountingSink();
        await using var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Host = broker.Host;
            o.Port = broker.Port;
            o.CleanSession = true;
            o.ClientId = "qos-in-" + Guid.NewGuid().ToString("N")[..8];
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = root + "/#", System = "sensors", MessageType = "bin-level", Qos = qos });
        });
        using var sensor = await MqttTestBroker.ConnectAsync(broker.Host, broker.Port);
        for (var i = 0; i < 20; i++)
            await MqttTestBroker.PublishAsync(sensor, $"{root}/bin/{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), qos);

        await sink.WaitForCountAsync(20, Timeout);
        sink.Taken.Select(e => e.Metadata["qos"]).Distinct().ShouldBe([qos.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        sink.Bodies.ShouldBe(Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Outbound_EachQosAndRetain_ArePublishedAsTheMappingSays(int qos)
    {
        if (MqttTestBroker.Shared is not { } broker)
            return;
        var topic = "qos-out/" + Guid.NewGuid().ToString("N");
        await using var adapter = await MqttAdapterHarness.StartAsync(new CountingSink(), o =>
        {
            o.Host = broker.Host;
            o.Port = broker.Port;
            o.CleanSession = true;
            o.ClientId = "qos-out-" + Guid.NewGuid().ToString("N")[..8];
        });
        await adapter.Sender.SendAsync(Envelope(topic, "v1", qos, retain: true), CancellationToken.None);

        // Subscribing after the publish: only a retained message can arrive, with the QoS it was published at (capped by the subscription's 2).
        var (receiver, received) = await MqttTestBroker.SubscribeAsync(broker.Host, broker.Port, topic);
        var message = await MqttTestBroker.WaitForAsync(received, _ => true, Timeout);
        message.Retain.ShouldBeTrue();
        message.QualityOfServiceLevel.ShouldBe((MqttQualityOfServiceLevel)qos);
        Encoding.UTF8.GetString(message.Payload.ToArray()).ShouldBe("v1");
        await adapter.Sender.SendAsync(Envelope(topic, "", qos, retain: true), CancellationToken.None); // clears the retained message
        await receiver.DisconnectAsync();
        receiver.Dispose();
    }

    [Fact]
    public async Task TopicSegmentsAndUserProperties_ReachTheShippedSensorMapping()
    {
        if (MqttTestBroker.Shared is not { } broker)
            return;
        var site = "S" + Guid.NewGuid().ToString("N")[..6];
        var sink = new CountingSink();
        await using var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Host = broker.Host;
            o.Port = broker.Port;
            o.CleanSession = true;
            o.ClientId = "segments-" + Guid.NewGuid().ToString("N")[..8];
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = $"plant/{site}/line/+/bin/+/level", System = "sensors", MessageType = "bin-level" });
        });
        using var sensor = await MqttTestBroker.ConnectAsync(broker.Host, broker.Port);
        await MqttTestBroker.PublishAsync(sensor, $"plant/{site}/line/L1/bin/L1-ST03-A/level", "42.5", 1, ("sensor", "bls-17"));

        await sink.WaitForCountAsync(1, Timeout);
        var envelope = sink.Taken.Single();
        envelope.Metadata["topic.1"].ShouldBe(site);
        envelope.Metadata["wildcard.0"].ShouldBe("L1");
        envelope.Metadata["wildcard.1"].ShouldBe("L1-ST03-A");
        envelope.Metadata["userProperty.sensor"].ShouldBe("bls-17");
        var mapped = ShippedMappings.Set.FindInbound("sensors", "bin-level")!.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
        mapped.Errors.ShouldBeEmpty();
        var reading = mapped.Messages.Single().Message.ShouldBeOfType<BinLevelReported>();
        reading.Location.ShouldBe("L1-ST03-A");
        reading.Value.ShouldBe(42.5m);
    }

    [Fact]
    public async Task AMessageTheSinkDidNotTake_IsNotAcknowledged_AndComesAgain()
    {
        if (MqttTestBroker.Shared is not { } broker)
            return;
        var root = "redeliver/" + Guid.NewGuid().ToString("N");
        var sink = new CountingSink();
        sink.Refuse("2");
        await using var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Host = broker.Host;
            o.Port = broker.Port;
            o.ClientId = "redeliver-" + Guid.NewGuid().ToString("N")[..8];
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = root + "/+", System = "sensors", MessageType = "bin-level" });
        });
        using var sensor = await MqttTestBroker.ConnectAsync(broker.Host, broker.Port);
        for (var i = 1; i <= 4; i++)
            await MqttTestBroker.PublishAsync(sensor, $"{root}/b", i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // "2" was refused once: the adapter drops the connection instead of acknowledging, the persistent session re-delivers it.
        await sink.WaitForCountAsync(4, Timeout);
        await WaitUntilAsync(() => sink.Bodies.Contains("2"));
        sink.Bodies.Distinct().Order().ShouldBe(["1", "2", "3", "4"]);
        sink.Taken.Where(e => Encoding.UTF8.GetString(e.Body.Span) == "2").ShouldAllBe(e => e.Metadata["dup"] == "true");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeout)
                throw new TimeoutException("condition not met within " + Timeout);
            await Task.Delay(20);
        }
    }

    private static OutboundEnvelope Envelope(string topic, string body, int qos, bool retain) => new(
        "sensors", topic, "text/plain", Encoding.UTF8.GetBytes(body),
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["qos"] = qos.ToString(System.Globalization.CultureInfo.InvariantCulture), ["retain"] = retain ? "true" : "false" },
        new Dictionary<string, string>(), "k-" + body);
}
