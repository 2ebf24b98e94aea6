using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>WMS → bus: the line-side location was refilled.</summary>
[MessageUrn("bridge:ReplenishmentFulfilled:v1", false)]
[EntityName("bridge.replenishment-fulfilled")]
public sealed record ReplenishmentFulfilled : CanonicalMessage
{
    public required string ReplenishmentId { get; init; }
    public required string Location { get; init; }
    public IReadOnlyList<MaterialLine> Lines { get; init; } = [];
}
