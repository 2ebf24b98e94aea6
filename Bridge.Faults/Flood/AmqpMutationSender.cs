using System.Globalization;
using Bridge.Faults.Mutations;
using RabbitMQ.Client;

namespace Bridge.Faults.Flood;

/// <summary>
/// Publishes the SCADA's mutated payloads to its exchange <c>scada.events</c> (routing key <c>bin.L1.level</c>, a
/// reading id of its own per payload in the header <c>reading-id</c>) with publisher confirms, where Bridge's AMQP
/// adapter consumes them; what Bridge made of them is counted at the end.
/// </summary>
public sealed class AmqpMutationSender(IConnection connection, IChannel channel) : IMutationSender
{
    public const string Exchange = "scada.events";

    public string Protocol => "amqp";

    public bool Answers => false;

    /// <summary>Connects, and waits until Bridge's adapter has declared its queue and bound it to the exchange (at most a minute).</summary>
    public static async Task<AmqpMutationSender> ConnectAsync(Uri virtualHost, string queue, CancellationToken ct)
    {
        var connection = await new ConnectionFactory { Uri = virtualHost }.CreateConnectionAsync(ct);
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(1);
        while (true)
        {
            await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                await probe.QueueDeclarePassiveAsync(queue, ct);
                break;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) when (TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(500, ct);
            }
        }
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        return new AmqpMutationSender(connection, channel);
    }

    public async Task SendAsync(MutationSeedContext context, MutatedPayload payload, MutationTally tally, CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            ContentType = payload.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { ["reading-id"] = $"r4-{context.RunSeed.ToString(CultureInfo.InvariantCulture)}-{payload.Index.ToString(CultureInfo.InvariantCulture)}" },
        };
        try
        {
            await channel.BasicPublishAsync(Exchange, "bin.L1.level", mandatory: false, properties, payload.Body, ct);
            tally.CountSent();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.PublishException or IOException && !ct.IsCancellationRequested)
        {
            tally.CountTransportFailure($"{context.Describe(payload)}: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
