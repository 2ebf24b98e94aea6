using System.Buffers.Text;
using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>
/// The consumer on the bus: a queue bound to BinLevelReported's exchange; counts arrivals and their latency (value =
/// sequence number). It is the instrument, not a path under test, so it costs as little as it can: one ack for every
/// <see cref="AckEvery"/> deliveries (multiple), the value read with a forward-only reader, latencies into an array.
/// </summary>
internal sealed class BusCounter : IAsyncDisposable
{
    private const ushort Prefetch = 2000;
    private const int AckEvery = 200;
    private static readonly byte[] Message = "message"u8.ToArray();
    private static readonly byte[] Value = "value"u8.ToArray();

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly long[] _sentAt;
    private readonly double[] _latencies;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _unacked;

    private BusCounter(IConnection connection, IChannel channel, long[] sentAt)
    {
        _connection = connection;
        _channel = channel;
        _sentAt = sentAt;
        _latencies = new double[sentAt.Length];
        Array.Fill(_latencies, double.NaN);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Latency of each reading that arrived (ms); the first arrival of a sequence number counts.</summary>
    public IReadOnlyCollection<double> LatenciesMs => _latencies.Where(l => !double.IsNaN(l)).ToArray();

    /// <summary>Counts what reaches <paramref name="exchange"/> (a fanout declared here unless <paramref name="routingKey"/> binds to an existing exchange).</summary>
    public static async Task<BusCounter> StartAsync(Uri rabbit, string exchange, long[] sentAt, string? routingKey = null)
    {
        var connection = await new ConnectionFactory { Uri = rabbit }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        if (routingKey is null)
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("bench-" + Guid.NewGuid().ToString("N"), durable: true, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey ?? "");
        await channel.BasicQosAsync(0, Prefetch, false);
        var counter = new BusCounter(connection, channel, sentAt);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, e) => counter.OnDelivery(e);
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer);
        return counter;
    }

    private Task OnDelivery(BasicDeliverEventArgs e)
    {
        var seq = Sequence(e.Body.Span);
        if (seq >= 0 && seq < _sentAt.Length && _sentAt[seq] != 0 && double.IsNaN(_latencies[seq]))
            _latencies[seq] = Stopwatch.GetElapsedTime(_sentAt[seq]).TotalMilliseconds;
        var count = Interlocked.Increment(ref _count);
        if (count == _sentAt.Length)
            _all.TrySetResult();
        // Deliveries on one channel arrive one after another (dispatch concurrency 1): no race on _unacked.
        if (++_unacked < AckEvery && count < _sentAt.Length)
            return Task.CompletedTask;
        _unacked = 0;
        return _channel.BasicAckAsync(e.DeliveryTag, multiple: true).AsTask();
    }

    /// <summary>message.value of the envelope (a number or a numeric string); -1 when absent.</summary>
    private static int Sequence(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        var inMessage = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                continue;
            if (reader.CurrentDepth == 1)
            {
                inMessage = reader.ValueTextEquals(Message);
                if (!inMessage)
                    reader.Skip();
            }
            else if (inMessage && reader.CurrentDepth == 2 && reader.ValueTextEquals(Value))
            {
                reader.Read();
                var text = reader.ValueSpan;
                return Utf8Parser.TryParse(text, out decimal value, out _) ? (int)value : -1;
            }
        }

        return -1;
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
            await Task.WhenAny(_all.Task, Task.Delay(50));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
