namespace Bridge.Host.Infrastructure.Messaging;

public enum InboundPublishOutcome
{
    /// <summary>First time this MessageId was seen: the message is accepted and will be (or was) published.</summary>
    Accepted,

    /// <summary>This MessageId was accepted before; nothing new was published.</summary>
    Duplicate,
}
