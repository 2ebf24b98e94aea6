using System.Text;
using Bridge.Adapters.Envelopes;
using RabbitMQ.Client;

namespace Bridge.Adapters.Amqp;

/// <summary>
/// Publishes a rendered message to <c>exchange/routing-key</c> (the envelope's address; the system's
/// <c>exchange</c> setting from systems.yaml when the address is only a routing key), persistent, with publisher
/// confirms; headers go as AMQP headers, the idempotency key as the message id.
/// </summary>
public sealed class AmqpOutboundSender(AmqpConnection connection) : IEnvelopeSender
{
    public Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
    {
        var (exchange, routingKey) = Address(envelope);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = envelope.ContentType,
            MessageId = envelope.IdempotencyKey,
            Headers = envelope.Headers.ToDictionary(h => h.Key, h => (object?)Encoding.UTF8.GetBytes(h.Value)),
        };
        return connection.PublishAsync(exchange, routingKey, properties, envelope.Body, ct);
    }

    private static (string Exchange, string RoutingKey) Address(OutboundEnvelope envelope)
    {
        var slash = envelope.Address.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
            return (envelope.Address[..slash], envelope.Address[(slash + 1)..]);
        if (envelope.Endpoint.TryGetValue("exchange", out var exchange))
            return (exchange, envelope.Address);
        throw new AmqpAdapterException($"system '{envelope.System}': address '{envelope.Address}' names no exchange (exchange/routing-key, or send.exchange in systems.yaml)", permanent: true);
    }
}
