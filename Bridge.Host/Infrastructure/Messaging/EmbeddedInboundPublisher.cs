using System.Collections.Concurrent;
using Bridge.Contracts;
using MassTransit;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Embedded mode: publishes directly to the in-memory bus and remembers accepted MessageIds for
/// <see cref="Retention"/> (the process is the only store; a restart forgets them, as it forgets the in-memory bus).
/// </summary>
public sealed class EmbeddedInboundPublisher(IBus bus, TimeProvider time) : IInboundPublisher
{
    static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    const int PruneThreshold = 100_000;

    readonly ConcurrentDictionary<Guid, DateTimeOffset> _accepted = new();

    public async Task<InboundPublishResult> PublishAsync(ICanonicalMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageId == Guid.Empty)
            throw new ArgumentException($"{message.GetType().Name}.MessageId is empty; an inbound message needs its idempotency key.", nameof(message));

        var now = time.GetUtcNow();
        if (!_accepted.TryAdd(message.MessageId, now))
            return new InboundPublishResult(message.MessageId, InboundPublishOutcome.Duplicate);

        try
        {
            await bus.PublishCanonical(message, message.GetType(), message.MessageId, ct).ConfigureAwait(false);
        }
        catch
        {
            _accepted.TryRemove(message.MessageId, out _);
            throw;
        }

        if (_accepted.Count > PruneThreshold)
            Prune(now - Retention);
        return new InboundPublishResult(message.MessageId, InboundPublishOutcome.Accepted);
    }

    void Prune(DateTimeOffset cutoff)
    {
        foreach (var entry in _accepted)
        {
            if (entry.Value < cutoff)
                _accepted.TryRemove(entry.Key, out _);
        }
    }
}
