using System.Buffers;
using System.Text.Json;
using Bridge.Contracts.Messages;
using Bridge.Host.Processes.Replenishment;
using MassTransit;
using RabbitMQ.Client;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// Offers signals the way a fast adapter would, straight to the exchange MassTransit bound for
/// <see cref="LineSideConsumptionReported"/>, in MassTransit's JSON envelope, persistent, with publisher confirms. Batches
/// go round-robin over several channels and a channel's confirms are awaited only before it takes its next batch, so the
/// broker's confirm latency is overlapped instead of paid per batch (one channel awaiting each batch offered ≈ 3,000/s
/// here). The client's default limit of 128 unconfirmed publishes per channel, throttled from 64, is raised: it alone
/// capped the offered rate. Publishing through MassTransit in the same process is CPU-bound well below 10,000/s here,
/// which would measure the publisher instead of Bridge.
/// </summary>
internal sealed class RawSignalPublisher : IAsyncDisposable
{
    private const string Exchange = "bridge.line-side-consumption-reported";
    private const int Channels = 4;
    private const int UnconfirmedPerChannel = 4096;
    private static readonly string MessageType = MessageUrn.ForTypeString<LineSideConsumptionReported>();
    private static readonly BasicProperties Properties = new() { ContentType = "application/vnd.masstransit+json", Persistent = true };
    private static readonly BasicProperties PackProperties = new() { ContentType = LineSideSignalPack.ContentType, Persistent = true };
    private readonly IConnection _connection;
    private readonly IChannel[] _channels;
    private readonly Task[] _pending;
    private int _next;

    private RawSignalPublisher(IConnection connection, IChannel[] channels)
    {
        _connection = connection;
        _channels = channels;
        _pending = channels.Select(_ => Task.CompletedTask).ToArray();
    }

    /// <summary>Raised when the broker blocks the publisher's connection (a resource alarm).</summary>
    public event Action? Blocked;

    public static async Task<RawSignalPublisher> ConnectAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channels = new IChannel[Channels];
        for (var i = 0; i < channels.Length; i++)
        {
            channels[i] = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(UnconfirmedPerChannel, throttlingPercentage: 90)));
        }

        var publisher = new RawSignalPublisher(connection, channels);
        connection.ConnectionBlockedAsync += (_, _) =>
        {
            publisher.Blocked?.Invoke();
            return Task.CompletedTask;
        };
        return publisher;
    }

    /// <summary>Deletes a queue (signals an earlier, aborted run left would count in this one); returns how many it held.</summary>
    public async Task<uint> DeleteQueueAsync(string queue) => await _channels[0].QueueDeleteAsync(queue);

    public Task DeclareSignalQueueAsync() => LineSideSignalQueue.DeclareAsync(_channels[0], quorum: false, CancellationToken.None);

    /// <summary>
    /// Publishes pre-encoded bodies (<see cref="Encode"/>) on the next channel, once that channel's previous bodies are
    /// confirmed; returns without waiting for these confirms (<see cref="ConfirmAllAsync"/> does).
    /// </summary>
    /// <param name="packed">false: each body one envelope, to the signal's exchange; true: <see cref="LineSideSignalPack"/>s,
    /// straight to the signal queue.</param>
    public async Task PublishAsync(byte[][] bodies, bool packed)
    {
        var index = _next++ % _channels.Length;
        await _pending[index];
        var channel = _channels[index];
        var publishes = new Task[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            publishes[i] = packed
                ? channel.BasicPublishAsync("", LineSideSignalQueue.Name, false, PackProperties, bodies[i]).AsTask()
                : channel.BasicPublishAsync(Exchange, "", false, Properties, bodies[i]).AsTask();
        }

        _pending[index] = Task.WhenAll(publishes);
    }

    /// <summary>Waits until every batch published so far is confirmed.</summary>
    public Task ConfirmAllAsync() => Task.WhenAll(_pending);

    /// <summary>The bodies for <paramref name="messages"/>: one envelope each (<paramref name="pack"/> ≤ 1) or packs of <paramref name="pack"/>.</summary>
    public static byte[][] Encode(IReadOnlyList<LineSideConsumptionReported> messages, int pack)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(buffer);
        if (pack <= 1)
            return messages.Select(m => Envelope(json, buffer, m).ToArray()).ToArray();
        var packs = new List<byte[]>();
        var body = new ArrayBufferWriter<byte>(pack * 400);
        foreach (var chunk in messages.Chunk(pack))
        {
            body.ResetWrittenCount();
            body.Write("["u8);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0)
                    body.Write(","u8);
                body.Write(Envelope(json, buffer, chunk[i]));
            }

            body.Write("]"u8);
            packs.Add(body.WrittenSpan.ToArray());
        }

        return [.. packs];
    }

    /// <summary>MassTransit's envelope, written directly (a serializer walking an anonymous object cost more CPU than the broker).</summary>
    private static ReadOnlySpan<byte> Envelope(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, LineSideConsumptionReported message)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("messageId"u8, message.MessageId);
        json.WriteStartArray("messageType"u8);
        json.WriteStringValue(MessageType);
        json.WriteEndArray();
        json.WriteStartObject("message"u8);
        json.WriteString("messageId"u8, message.MessageId);
        json.WriteString("correlationId"u8, message.CorrelationId);
        json.WriteString("source"u8, message.Source);
        json.WriteString("occurredAt"u8, message.OccurredAt);
        json.WriteString("location"u8, message.Location);
        json.WriteString("material"u8, message.Material);
        json.WriteNumber("quantity"u8, message.Quantity);
        json.WriteString("unit"u8, message.Unit);
        json.WriteEndObject();
        json.WriteString("sentTime"u8, message.OccurredAt);
        json.WriteStartObject("headers"u8);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan;
    }

    public async ValueTask DisposeAsync()
    {
        await ConfirmAllAsync();
        foreach (var channel in _channels)
        {
            await channel.CloseAsync();
            channel.Dispose();
        }

        await _connection.CloseAsync();
        _connection.Dispose();
    }
}
