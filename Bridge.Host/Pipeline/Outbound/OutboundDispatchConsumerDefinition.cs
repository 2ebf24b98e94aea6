using System.Text.RegularExpressions;
using Bridge.Contracts;
using MassTransit;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>One queue per outbound message type: <c>bridge-outbound-pick-order-issued</c>.</summary>
public sealed partial class OutboundDispatchConsumerDefinition<T> : ConsumerDefinition<OutboundDispatchConsumer<T>>
    where T : CanonicalMessage
{
    public OutboundDispatchConsumerDefinition()
    {
        EndpointName = "bridge-outbound-" + Kebab().Replace(typeof(T).Name, "$1-$2").ToLowerInvariant();
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Kebab();
}
