using System.Text.RegularExpressions;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// One queue per outbound message type: <c>bridge-outbound-pick-order-issued</c>. No outbox (nothing is published, and
/// no database transaction may be open while a system is called); a short in-memory retry for unexpected faults.
/// </summary>
public sealed partial class OutboundDispatchConsumerDefinition<T> : ConsumerDefinition<OutboundDispatchConsumer<T>>
    where T : CanonicalMessage
{
    public OutboundDispatchConsumerDefinition()
    {
        EndpointName = BridgeEndpointConventions.OutboundEndpointPrefix + Kebab().Replace(typeof(T).Name, "$1-$2").ToLowerInvariant();
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OutboundDispatchConsumer<T>> consumerConfigurator, IRegistrationContext context)
    {
        // Delivery failures are redelivered by the consumer on the durable schedule; this retry is for anything else.
        // The database being away (the delivery log cannot be read) is waited out, as on every endpoint.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<Exception>(DatabaseOutage.Is);
            r.Intervals(DatabaseOutage.RetryIntervals);
        });
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<Exception>(DatabaseOutage.Is);
            r.Intervals(100, 500);
        });
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Kebab();
}
