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
}
