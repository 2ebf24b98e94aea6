using Bridge.Contracts;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Publishes a canonical message from outside a consumer (an HTTP inbound handler) exactly once per
/// <see cref="ICanonicalMessage.MessageId"/>: a system that retries its POST gets <see cref="InboundPublishOutcome.Duplicate"/>
/// and no second message. The bus message carries the same MessageId, so consumer inboxes dedup too.
/// </summary>
public interface IInboundPublisher
{
    Task<InboundPublishResult> PublishAsync(ICanonicalMessage message, CancellationToken ct);

    /// <summary>
    /// The messages one document mapped to (a stock export's rows), in order. A publisher with a store takes them in
    /// one transaction — all or none, and one round trip per batch rather than per row; by default one at a time.
    /// </summary>
    async Task<IReadOnlyList<InboundPublishResult>> PublishAllAsync(IReadOnlyList<ICanonicalMessage> messages, CancellationToken ct)
    {
        var results = new List<InboundPublishResult>(messages.Count);
        foreach (var message in messages)
            results.Add(await PublishAsync(message, ct).ConfigureAwait(false));
        return results;
    }
}
