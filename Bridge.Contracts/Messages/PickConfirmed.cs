using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>WMS → bus: the pick is done; lots and actual quantities.</summary>
[MessageUrn("bridge:PickConfirmed:v1", false)]
[EntityName("bridge.pick-confirmed")]
public sealed record PickConfirmed : CanonicalMessage
{
    public required string PickOrderId { get; init; }
    public required IReadOnlyList<MaterialLine> Lines { get; init; }
}
