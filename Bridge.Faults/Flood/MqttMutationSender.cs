using Bridge.Faults.Mutations;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Faults.Flood;

/// <summary>
/// Publishes a sensor's mutated payloads at QoS 1 on the topic of its seed (the bin is in the topic) to the suite's
/// Mosquitto, where Bridge's MQTT adapter takes them. Counted as sent once the broker acknowledged them; what Bridge
/// made of them is counted at the end (canonical messages on RabbitMQ, dead letters in PostgreSQL).
/// </summary>
public sealed class MqttMutationSender(IMqttClient client) : IMutationSender
{
    public string Protocol => "mqtt";

    public bool Answers => false;

    public static async Task<MqttMutationSender> ConnectAsync(string host, int port, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId("faults-r4-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession().WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build(), ct);
        return new MqttMutationSender(client);
    }

    public async Task SendAsync(MutationSeedContext context, MutatedPayload payload, MutationTally tally, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(context.Seed.Metadata.GetValueOrDefault("topic") ?? throw new InvalidOperationException($"seed {context.Seed.Mapping} has no MQTT topic"))
            .WithPayload(payload.Body)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var result = await client.PublishAsync(message, ct);
            if (result.IsSuccess) tally.CountSent();
            else tally.CountTransportFailure($"{context.Describe(payload)}: the broker answered {result.ReasonCode}");
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            tally.CountTransportFailure($"{context.Describe(payload)}: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected) await client.DisconnectAsync();
        client.Dispose();
    }
}
