using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Bridge.Contracts;
using MassTransit;
using MassTransit.Serialization;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// Writes a canonical message as MassTransit's JSON envelope (<c>application/vnd.masstransit+json</c>) addressed
/// to the message type's exchange (its <c>[EntityName]</c>), so the bus's consumers read telemetry published without
/// going through MassTransit's publish pipeline.
/// </summary>
public sealed class TelemetryEnvelopeEncoder(TimeProvider time)
{
    private static readonly ConcurrentDictionary<Type, (string Exchange, string Urn)> Types = new();

    public TelemetryRecord Encode(CanonicalMessage message)
    {
        var type = message.GetType();
        var (exchange, urn) = Types.GetOrAdd(type, t => (
            t.GetCustomAttribute<EntityNameAttribute>()?.EntityName ?? t.FullName!,
            MessageUrn.ForTypeString(t)));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("messageId", message.MessageId);
            json.WriteString("conversationId", message.MessageId);
            json.WriteString("destinationAddress", "exchange:" + exchange);
            json.WriteStartArray("messageType");
            json.WriteStringValue(urn);
            json.WriteEndArray();
            json.WritePropertyName("message");
            JsonSerializer.Serialize(json, message, type, SystemTextJsonMessageSerializer.Options);
            json.WriteString("sentTime", time.GetUtcNow());
            json.WriteStartObject("headers");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new TelemetryRecord(message.MessageId, exchange, buffer.WrittenMemory.ToArray());
    }
}
