using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>ERP → bus: quantity, due date, line or BOM of a released order changed; a field left out is unchanged.</summary>
[MessageUrn("bridge:ProductionOrderChanged:v1", false)]
[EntityName("bridge.production-order-changed")]
public sealed record ProductionOrderChanged : CanonicalMessage
{
    public required string OrderId { get; init; }
    public decimal? Quantity { get; init; }
    public string? Unit { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? Line { get; init; }
    public IReadOnlyList<BomLine>? Bom { get; init; }
}
