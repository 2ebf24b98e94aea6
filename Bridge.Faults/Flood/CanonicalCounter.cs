using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Faults.Flood;

/// <summary>
/// Counts the canonical messages Bridge publishes to one message exchange (e.g. <c>bridge.bin-level-reported</c>): a
/// queue of its own bound to the exchange, consumed and acknowledged as messages arrive; each body is handed to the
/// optional observer (R5 reads the values out of them).
/// </summary>
public sealed class CanonicalCounter : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private long _count;

    private CanonicalCounter(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public long Count => Interlocked.Read(ref _count);

    public static async Task<CanonicalCounter> StartAsync(Uri virtualHost, string exchange, CancellationToken ct, Action<ReadOnlyMemory<byte>>? observe = null)
    {
        var connection = await new ConnectionFactory { Uri = virtualHost }.CreateConnectionAsync(ct);
        var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        var queue = (await channel.QueueDeclareAsync("faults.count." + exchange, durable: false, exclusive: true, autoDelete: true, cancellationToken: ct)).QueueName;
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: ct);
        var counter = new CanonicalCounter(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            observe?.Invoke(delivery.Body);
            Interlocked.Increment(ref counter._count);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, ct);
        return counter;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
