using Bridge.Contracts.Messages;
using MassTransit;
using RabbitMQ.Client;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// The production queue of counter deltas and bin readings, consumed by <see cref="RabbitMqLineSideSignalConsumer"/>:
/// bound to the exchanges of both messages, one active consumer at a time (<c>x-single-active-consumer</c>: with several
/// hosts the others wait, so one writer holds every location). A delivery is one signal's envelope or a
/// <see cref="LineSideSignalPack"/> of them (sent straight to this queue). Batches of up to <see cref="BatchLimit"/> signals
/// or whatever arrived within <see cref="BatchWindow"/> of the first; <see cref="Prefetch"/> lets the next batch fill while
/// one commits (it counts deliveries: with packs of n signals, up to n × <see cref="Prefetch"/> signals wait in memory).
/// </summary>
public static class LineSideSignalQueue
{
    public const string Name = "bridge-line-side-signals";
    public const int BatchLimit = 4000;
    public const ushort Prefetch = 10000;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>Wait after the connection or a batch failed before consuming again (the unacknowledged deliveries come back).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

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

    private static string EntityNameOf<T>() =>
        ((EntityNameAttribute)Attribute.GetCustomAttribute(typeof(T), typeof(EntityNameAttribute))!).EntityName;
}
