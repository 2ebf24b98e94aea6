using System.Diagnostics;
using System.Globalization;
using Bridge.Faults.Harness;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Faults.Load;

/// <summary>
/// Bin level sensors over MQTT QoS 1 on the suite's Mosquitto: each of <see cref="Locations"/> generated line-side
/// locations (<see cref="ScenarioSpace.SensorLocations"/>) reports a level falling from 100 % by 5 % a step, crossing its
/// reorder point (40 %) once, so Bridge owes exactly one replenishment request per location. Readings go round the
/// locations at <see cref="PerSecond"/> a second; <see cref="Acknowledged"/> counts the broker's PUBACKs.
/// </summary>
public sealed class SensorLoad(int locations, double perSecond)
{
    private const int Steps = 19; // 100 % … 10 %
    private long _acknowledged;
    private long _failed;

    public int Locations { get; } = locations;

    public double PerSecond { get; } = perSecond;

    public int Readings => Locations * Steps;

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Publishes every reading at the set pace (not past <paramref name="deadline"/>); a publish that fails is retried after reconnecting.</summary>
    public async Task RunAsync(FaultServers servers, DateTimeOffset deadline, CancellationToken ct)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(servers.MqttHost, servers.MqttPort)
            .WithClientId("faults-sensors-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession()
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build();
        await client.ConnectAsync(options, ct);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < Readings && TimeProvider.System.GetUtcNow() < deadline; n++)
        {
            var due = TimeSpan.FromSeconds(n / PerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            var location = n % Locations;
            var level = 100 - 5 * (n / Locations);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(ScenarioSpace.SensorTopic(location))
                .WithPayload(level.ToString(CultureInfo.InvariantCulture))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (!client.IsConnected)
                    {
                        await client.ConnectAsync(options, ct);
                    }

                    var result = await client.PublishAsync(message, ct);
                    if (result.IsSuccess)
                    {
                        Interlocked.Increment(ref _acknowledged);
                        break;
                    }
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException && !ct.IsCancellationRequested)
                {
                }

                Interlocked.Increment(ref _failed);
                if (TimeProvider.System.GetUtcNow() >= deadline)
                {
                    return;
                }

                await Task.Delay(500, ct);
            }
        }

        await client.DisconnectAsync(cancellationToken: ct);
    }
}
