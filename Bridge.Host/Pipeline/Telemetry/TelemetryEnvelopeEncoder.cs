using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    private static readonly ConcurrentDictionary<Type, EnvelopeType> Types = new();
    private static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
    private static readonly JsonEncodedText ConversationId = JsonEncodedText.Encode("conversationId");
    private static readonly JsonEncodedText DestinationAddress = JsonEncodedText.Encode("destinationAddress");
    private static readonly JsonEncodedText MessageType = JsonEncodedText.Encode("messageType");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText SentTime = JsonEncodedText.Encode("sentTime");
    private static readonly JsonEncodedText Headers = JsonEncodedText.Encode("headers");

    // One writer and buffer per thread, reused: a reading costs only its own bytes.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public TelemetryRecord Encode(CanonicalMessage message)
    {
        var type = Types.GetOrAdd(message.GetType(), static t => EnvelopeType.For(t));
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString(MessageId, message.MessageId);
        json.WriteString(ConversationId, message.MessageId);
        json.WriteString(DestinationAddress, type.Destination);
        json.WriteStartArray(MessageType);
        json.WriteStringValue(type.Urn);
        json.WriteEndArray();
        json.WritePropertyName(Message);
        JsonSerializer.Serialize(json, message, type.Info);
        json.WriteString(SentTime, time.GetUtcNow());
        json.WriteStartObject(Headers);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        return new TelemetryRecord(message.MessageId, type.Exchange, buffer.WrittenSpan.ToArray());
    }

    private sealed record EnvelopeType(string Exchange, JsonEncodedText Destination, JsonEncodedText Urn, JsonTypeInfo Info)
    {
        public static EnvelopeType For(Type type)
        {
            var exchange = type.GetCustomAttribute<EntityNameAttribute>()?.EntityName ?? type.FullName!;
            return new EnvelopeType(exchange, JsonEncodedText.Encode("exchange:" + exchange), JsonEncodedText.Encode(MessageUrn.ForTypeString(type)),
                SystemTextJsonMessageSerializer.Options.GetTypeInfo(type));
        }
    }
}
