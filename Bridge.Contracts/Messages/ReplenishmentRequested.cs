using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → WMS: refill a line-side location.</summary>
[MessageUrn("bridge:ReplenishmentRequested:v1", false)]
[EntityName("bridge.replenishment-requested")]
public sealed record ReplenishmentRequested : CanonicalMessage, IWarehouseAddressed
{
    public required string ReplenishmentId { get; init; }
    public required string Location { get; init; }
    /// <summary>The warehouse to refill from: routing sends the request to the WMS that runs it.</summary>
    public required string Warehouse { get; init; }
    public string? Line { get; init; }
    public required string Material { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
}
