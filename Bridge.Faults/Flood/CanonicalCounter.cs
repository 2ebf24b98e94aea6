using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Faults.Flood;

/// <summary>
/// Counts the canonical messages Bridge publishes to one message exchange (e.g. <c>bridge.bin-level-reported</c>): a
/// queue of its own bound to the exchange, consumed and acknowledged as messages arrive; each body is handed to the
/// optional observer (R5 reads the values out of them). Counted also by the canonical message's <c>source</c> (the
/// system it came from: SCADA's and the sensors' <c>BinLevelReported</c> share one exchange) and by message id, so a
/// message that arrives twice is told from two payloads mapped once each.
/// </summary>
public sealed class CanonicalCounter : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, long> _bySource = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private long _count;
    private long _repeats;

    private CanonicalCounter(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Messages whose message id had already arrived (the same canonical message published twice).</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    /// <summary>Messages whose <c>message.source</c> is <paramref name="source"/>.</summary>
    public long CountOf(string source) => _bySource.GetValueOrDefault(source);

    /// <summary>Reads <c>message.source</c> and <c>messageId</c> of MassTransit's JSON envelope; "" when absent or unreadable.</summary>
    public static (string Source, string MessageId) Identify(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var id = root.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
            var source = root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";
            return (source, id);
        }
        catch (JsonException)
        {
            return ("", "");
        }
    }

    private void Add(ReadOnlyMemory<byte> body)
    {
        var (source, id) = Identify(body);
        _bySource.AddOrUpdate(source, 1, (_, n) => n + 1);
        if (id.Length > 0 && !_seen.TryAdd(id, 0)) Interlocked.Increment(ref _repeats);
        Interlocked.Increment(ref _count);
    }

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
            counter.Add(delivery.Body);
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
