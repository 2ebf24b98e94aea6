using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>The consumer on the bus: a queue bound to BinLevelReported's exchange; counts arrivals and their latency (value = sequence number).</summary>
internal sealed class BusCounter : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly long[] _sentAt;
    private readonly ConcurrentBag<double> _latencies = new();
    private int _count;

    private BusCounter(IConnection connection, IChannel channel, long[] sentAt)
    {
        _connection = connection;
        _channel = channel;
        _sentAt = sentAt;
    }

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyCollection<double> LatenciesMs => _latencies;

    /// <summary>Counts what reaches <paramref name="exchange"/> (a fanout declared here unless <paramref name="routingKey"/> binds to an existing exchange).</summary>
    public static async Task<BusCounter> StartAsync(Uri rabbit, string exchange, long[] sentAt, string? routingKey = null)
    {
        var connection = await new ConnectionFactory { Uri = rabbit }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        if (routingKey is null)
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("bench-" + Guid.NewGuid().ToString("N"), durable: true, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey ?? "");
        await channel.BasicQosAsync(0, 500, false);
        var counter = new BusCounter(connection, channel, sentAt);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, e) =>
        {
            using var json = JsonDocument.Parse(e.Body);
            var value = json.RootElement.GetProperty("message").GetProperty("value");
            var seq = (int)(value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal());
            if (seq >= 0 && seq < sentAt.Length && sentAt[seq] != 0)
                counter._latencies.Add(Stopwatch.GetElapsedTime(sentAt[seq]).TotalMilliseconds);
            Interlocked.Increment(ref counter._count);
            await channel.BasicAckAsync(e.DeliveryTag, false);
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer);
        return counter;
    }

    /// <summary>Returns once <paramref name="count"/> arrived; throws when nothing more arrives for 30 s (a peer that lost messages).</summary>
    public async Task WaitForAsync(int count)
    {
        var (seen, since) = (Count, Stopwatch.StartNew());
        while (Count < count)
        {
            if (Count != seen)
                (seen, since) = (Count, Stopwatch.StartNew());
            else if (since.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"{seen:N0} of {count:N0} messages arrived; none more for 30 s");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
