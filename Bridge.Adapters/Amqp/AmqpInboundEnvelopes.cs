using System.Globalization;
using System.Text;
using Bridge.Adapters.Envelopes;
using RabbitMQ.Client.Events;

namespace Bridge.Adapters.Amqp;

/// <summary>
/// A delivery as an <see cref="InboundEnvelope"/>. Metadata for mappings: <c>exchange</c>, <c>routingKey</c>,
/// <c>queue</c>, <c>redelivered</c>, <c>messageId</c>, <c>correlationId</c>, <c>type</c>, <c>timestamp</c> and every
/// header as <c>header.&lt;name&gt;</c> (byte values read as UTF-8).
/// </summary>
public static class AmqpInboundEnvelopes
{
    public static InboundEnvelope Create(AmqpQueueOptions queue, BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exchange"] = delivery.Exchange,
            ["routingKey"] = delivery.RoutingKey,
            ["queue"] = queue.Queue,
            ["redelivered"] = delivery.Redelivered ? "true" : "false",
        };
        if (properties.MessageId is { } id)
            metadata["messageId"] = id;
        if (properties.CorrelationId is { } correlation)
            metadata["correlationId"] = correlation;
        if (properties.Type is { } type)
            metadata["type"] = type;
        if (properties.IsTimestampPresent())
            metadata["timestamp"] = DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture);
        foreach (var (name, value) in properties.Headers ?? new Dictionary<string, object?>())
        {
            metadata["header." + name] = value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                null => "",
                _ => value.ToString() ?? "",
            };
        }

        var contentType = string.IsNullOrEmpty(properties.ContentType) ? queue.ContentType : properties.ContentType;
        return new InboundEnvelope("amqp", queue.System, queue.MessageType, contentType, delivery.Body.ToArray(), metadata);
    }
}
