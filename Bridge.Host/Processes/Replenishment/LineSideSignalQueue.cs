using Bridge.Contracts.Messages;
using MassTransit;
using RabbitMQ.Client;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// The production queue of counter deltas and bin readings, consumed by <see cref="RabbitMqLineSideSignalConsumer"/>:
/// bound to the exchanges of both messages, one active consumer at a time (<c>x-single-active-consumer</c>: with several
/// hosts the others wait, so one writer holds every location). A delivery is one signal's envelope or a
/// <see cref="LineSideSignalPack"/> of them (sent straight to this queue). Batches of what has arrived, up to
/// <see cref="BatchLimit"/> signals, at most one per <see cref="BatchWindow"/> (<see cref="LineSideSignalGatherer{T}"/>);
/// <see cref="Prefetch"/> lets the next batch fill while one commits (it counts deliveries: with packs of n signals, up to n × <see cref="Prefetch"/> signals wait in memory).
/// </summary>
public static class LineSideSignalQueue
{
    public const string Name = "bridge-line-side-signals";
    public const int BatchLimit = 4000;
    public const ushort Prefetch = 10000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>Signals the dispatcher may hold decoded ahead of the commit loop (<see cref="LineSideDecodeAhead"/>): two full batches.</summary>
    public const int DecodeAhead = 2 * BatchLimit;

    /// <summary>Wait after the connection or a batch failed before consuming again (the unacknowledged deliveries come back).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Queues earlier Bridges bound to the same exchanges (the MassTransit batch consumer of sessions 5–6, the consumer per
    /// signal before it): left on a broker, they collect a copy of every signal that nothing consumes.
    /// </summary>
    public static readonly string[] Obsolete = ["bridge-batch-line-side-signals", "bridge-line-side-signal"];

    public static readonly string[] Exchanges =
    [
        EntityNameOf<LineSideConsumptionReported>(),
        EntityNameOf<BinLevelReported>(),
    ];

    /// <summary>Declares the queue (one active consumer; quorum when the endpoints are) and binds it to both exchanges.</summary>
    public static async Task DeclareAsync(IChannel channel, bool quorum, CancellationToken ct)
    {
        var arguments = new Dictionary<string, object?> { ["x-single-active-consumer"] = true };
        if (quorum)
            arguments["x-queue-type"] = "quorum";
        await channel.QueueDeclareAsync(Name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct);
        foreach (var exchange in Exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueBindAsync(Name, exchange, "", cancellationToken: ct);
        }
    }

    /// <summary>The obsolete queues (<see cref="Obsolete"/>) that exist on the broker, with the messages each holds.</summary>
    public static async Task<IReadOnlyList<(string Queue, uint Messages)>> FindObsoleteAsync(IConnection connection, CancellationToken ct)
    {
        var found = new List<(string, uint)>();
        foreach (var queue in Obsolete)
        {
            // A passive declare of a missing queue closes its channel (404): one channel per question.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                var ok = await channel.QueueDeclarePassiveAsync(queue, ct);
                found.Add((queue, ok.MessageCount));
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
            }
        }

        return found;
    }

    private static string EntityNameOf<T>() =>
        ((EntityNameAttribute)Attribute.GetCustomAttribute(typeof(T), typeof(EntityNameAttribute))!).EntityName;
}
