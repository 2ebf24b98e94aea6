using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>WMS → bus: the pick could not be done.</summary>
[MessageUrn("bridge:PickFailed:v1", false)]
[EntityName("bridge.pick-failed")]
public sealed record PickFailed : CanonicalMessage
{
    public required string PickOrderId { get; init; }
    public required string Reason { get; init; }
}
