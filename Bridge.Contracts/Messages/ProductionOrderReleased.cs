using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>ERP → bus: a production order was released, with its BOM.</summary>
[MessageUrn("bridge:ProductionOrderReleased:v1", false)]
[EntityName("bridge.production-order-released")]
public sealed record ProductionOrderReleased : CanonicalMessage
{
    public required string OrderId { get; init; }
    public required string Plant { get; init; }
    public string? Line { get; init; }
    public required string Material { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>Site / storage zone / work center, as far as the source names them.</summary>
    public string? StorageZone { get; init; }
    public string? WorkCenter { get; init; }
    public IReadOnlyList<BomLine> Bom { get; init; } = [];
    /// <summary>Set when the BOM is not carried inline but held elsewhere.</summary>
    public string? BomReference { get; init; }
}
