using Bridge.Contracts;
using MassTransit;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>Publishes a canonical message as its runtime type, with MassTransit's MessageId set to the canonical one.</summary>
public static class CanonicalMessagePublishing
{
    public static Task PublishCanonical(this IPublishEndpoint endpoint, object message, Type messageType, Guid messageId, CancellationToken ct)
    {
        if (!typeof(ICanonicalMessage).IsAssignableFrom(messageType))
            throw new ArgumentException($"{messageType.FullName} is not a canonical message (it does not implement ICanonicalMessage).", nameof(messageType));
        return endpoint.Publish(message, messageType, Pipe.Execute<PublishContext>(context => context.MessageId = messageId), ct);
    }
}
