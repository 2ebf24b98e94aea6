using System.Globalization;
using Bridge.Adapters.Envelopes;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Adapters.Mqtt;

/// <summary>
/// Publishes a rendered message to the topic in <see cref="OutboundEnvelope.Address"/> (optionally under the
/// system's <c>topicPrefix</c> from systems.yaml), with the mapping's <c>qos</c>/<c>retain</c> properties or the
/// adapter's defaults; headers and the idempotency key travel as MQTT 5 user properties.
/// </summary>
public sealed class MqttOutboundSender(MqttConnection connection, MqttAdapterOptions options, ILogger logger) : IEnvelopeSender
{
    public async Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
    {
        var topic = envelope.Endpoint.TryGetValue("topicPrefix", out var prefix) && prefix.Length > 0
            ? prefix.TrimEnd('/') + "/" + envelope.Address.TrimStart('/')
            : envelope.Address;
        if (string.IsNullOrEmpty(topic) || topic.Contains('+') || topic.Contains('#') || topic.Contains('\0'))
            throw new MqttAdapterException($"system '{envelope.System}': '{topic}' is not a topic to publish to", permanent: true);

        var qos = Setting(envelope, "qos", out var q) ? ParseQos(envelope.System, q) : options.PublishQos;
        var retain = Setting(envelope, "retain", out var r) ? ParseRetain(envelope.System, r) : options.PublishRetain;
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(envelope.Body.ToArray())
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain);
        if (options.ProtocolVersion == "5")
        {
            builder.WithContentType(envelope.ContentType).WithUserProperty("idempotency-key", Utf8(envelope.IdempotencyKey));
            foreach (var (name, value) in envelope.Headers)
                builder.WithUserProperty(name, Utf8(value));
        }

        await connection.PublishAsync(builder.Build(), ct).ConfigureAwait(false);
        Log.Published(logger, connection.Name, topic, qos, retain);
    }

    private static ReadOnlyMemory<byte> Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static bool Setting(OutboundEnvelope envelope, string name, out string value) =>
        envelope.Properties.TryGetValue(name, out value!) || envelope.Endpoint.TryGetValue(name, out value!);

    private static bool ParseRetain(string system, string text) =>
        bool.TryParse(text, out var retain) ? retain : throw new MqttAdapterException($"system '{system}': retain '{text}' is not true or false", permanent: true);

    private static int ParseQos(string system, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var qos) && qos is >= 0 and <= 2
            ? qos
            : throw new MqttAdapterException($"system '{system}': qos '{text}' is not 0, 1 or 2", permanent: true);
}
