using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>The simulated sensors: QoS 1 readings on Mosquitto, 500 in flight, the reading's value = its sequence number.</summary>
internal sealed class Sensor : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private Sensor(IMqttClient client) => _client = client;

    public static async Task<Sensor> ConnectAsync(string host, int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("bench-sensor-" + Guid.NewGuid().ToString("N")[..6])
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build());
        return new Sensor(client);
    }

    /// <summary>Publishes readings 0…count-1 at <paramref name="rate"/> (0: as fast as acks allow), noting when each left.</summary>
    public async Task PublishAsync(int count, double rate, long[] sentAt)
    {
        var clock = Stopwatch.StartNew();
        var window = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            await Pacing.WaitAsync(clock, i, rate);
            sentAt[i] = Stopwatch.GetTimestamp();
            window.Add(_client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic($"plant/BER/line/L1/bin/B{i % 50}/level")
                .WithPayload(i.ToString(CultureInfo.InvariantCulture))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build()));
            if (window.Count >= 500)
            {
                await Task.WhenAll(window);
                window.Clear();
            }
        }

        await Task.WhenAll(window);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
