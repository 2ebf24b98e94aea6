using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Tests.Mqtt;

/// <summary>The Mosquitto ./test.sh starts (BRIDGE_TEST_MQTT=host:port), and a plain MQTTnet client playing sensor or receiver.</summary>
internal static class MqttTestBroker
{
    public static bool Required => Environment.GetEnvironmentVariable("BRIDGE_TEST_REQUIRE_SERVERS") == "1";

    /// <summary>(host, port) of the shared Mosquitto; null (or a failed test under ./test.sh) when absent.</summary>
    public static (string Host, int Port)? Shared
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("BRIDGE_TEST_MQTT");
            if (string.IsNullOrEmpty(value))
            {
                if (Required)
                    Assert.Fail("BRIDGE_TEST_MQTT is not set but BRIDGE_TEST_REQUIRE_SERVERS=1: run the tests through ./test.sh.");
                return null;
            }

            var parts = value.Split(':');
            var endpoint = (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                using var client = new TcpClient();
                client.Connect(endpoint.Item1, endpoint.Item2);
            }
            catch (SocketException e)
            {
                if (Required)
                    Assert.Fail($"BRIDGE_TEST_MQTT={value}: nothing listens there ({e.SocketErrorCode}).");
                return null;
            }

            return endpoint;
        }
    }

    public static async Task<IMqttClient> ConnectAsync(string host, int port, string? clientId = null, bool clean = true)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId ?? "test-" + Guid.NewGuid().ToString("N")[..12])
            .WithCleanSession(clean)
            .WithSessionExpiryInterval(clean ? 0u : 3600u)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build());
        return client;
    }

    public static Task PublishAsync(IMqttClient client, string topic, string payload, int qos = 1, params (string Name, string Value)[] userProperties)
    {
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos);
        foreach (var (name, value) in userProperties)
            builder.WithUserProperty(name, Encoding.UTF8.GetBytes(value));
        return client.PublishAsync(builder.Build());
    }

    /// <summary>A client subscribed to <paramref name="filter"/> that keeps what arrives.</summary>
    public static async Task<(IMqttClient Client, ConcurrentQueue<MqttApplicationMessage> Received)> SubscribeAsync(string host, int port, string filter, int qos = 2)
    {
        var client = await ConnectAsync(host, port);
        var received = new ConcurrentQueue<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, (MqttQualityOfServiceLevel)qos).Build());
        return (client, received);
    }

    public static async Task<MqttApplicationMessage> WaitForAsync(ConcurrentQueue<MqttApplicationMessage> received, Func<MqttApplicationMessage, bool> match, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var found = received.FirstOrDefault(match);
            if (found is not null)
                return found;
            await Task.Delay(20);
        }

        throw new TimeoutException("the expected MQTT message did not arrive within " + timeout);
    }
}
