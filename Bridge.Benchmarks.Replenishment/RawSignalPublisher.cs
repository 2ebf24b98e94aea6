using System.Text;
using System.Text.Json;
using Bridge.Contracts.Messages;
using Bridge.Host.Processes.Replenishment;
using MassTransit;
using RabbitMQ.Client;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// Offers signals the way a fast adapter would, straight to the exchange MassTransit bound for
/// <see cref="LineSideConsumptionReported"/>, in MassTransit's JSON envelope, persistent, with publisher confirms awaited
/// per tick. Publishing through MassTransit in the same process is CPU-bound well below 10,000/s here, which would
/// measure the publisher instead of Bridge.
/// </summary>
internal sealed class RawSignalPublisher : IAsyncDisposable
{
    private static readonly string Exchange = "bridge.line-side-consumption-reported";
    private static readonly string MessageType = MessageUrn.ForTypeString<LineSideConsumptionReported>();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RawSignalPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RawSignalPublisher> ConnectAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawSignalPublisher(connection, channel);
    }

    /// <summary>Deletes a queue (signals an earlier, aborted run left would count in this one); returns how many it held.</summary>
    public async Task<uint> DeleteQueueAsync(string queue) => await _channel.QueueDeleteAsync(queue);

    public Task DeclareSignalQueueAsync() => LineSideSignalQueue.DeclareAsync(_channel, quorum: false, CancellationToken.None);

    public ValueTask PublishAsync(LineSideConsumptionReported message)
    {
        var envelope = new
        {
            messageId = message.MessageId,
            correlationId = (Guid?)null,
            messageType = new[] { MessageType },
            message,
            sentTime = message.OccurredAt,
            headers = new Dictionary<string, object>(),
        };
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web));
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            MessageId = message.MessageId.ToString(),
            Persistent = true,
        };
        return _channel.BasicPublishAsync(Exchange, "", false, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
