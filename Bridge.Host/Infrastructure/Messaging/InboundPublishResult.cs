namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>What <see cref="IInboundPublisher.PublishAsync"/> did with a message.</summary>
public sealed record InboundPublishResult(Guid MessageId, InboundPublishOutcome Outcome)
{
    public bool IsDuplicate => Outcome == InboundPublishOutcome.Duplicate;
}
