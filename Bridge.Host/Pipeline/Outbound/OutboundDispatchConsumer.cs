using Bridge.Contracts;
using MassTransit;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// The first delivery of a canonical message to every system that receives it (<see cref="OutboundDispatcher"/>).
/// Runs outside any database transaction (its endpoint has no outbox). The systems that did not take it are handed to
/// the durable retry schedule; the message is then done for this endpoint.
/// </summary>
public sealed class OutboundDispatchConsumer<T>(OutboundDispatcher dispatcher, OutboundRetrySchedule retries) : IConsumer<T>
    where T : CanonicalMessage
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var failures = await dispatcher.DispatchAsync(context.Message, context.GetRetryAttempt(), context.CancellationToken);
        if (failures.Count > 0)
            await retries.AfterFailedAttemptAsync(context.Message, failures, completedAttempt: 0, context.CancellationToken);
    }

    /// <summary>What the receiver sees as <c>Idempotency-Key</c>: the same for every attempt of one message to one system.</summary>
    public static string IdempotencyKey(Guid messageId, string system) => OutboundDispatcher.IdempotencyKey(messageId, system);
}
