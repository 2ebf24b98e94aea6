using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>ERP/PLM → bus: the (single-level) BOM of one material; it replaces what Bridge held for that material.</summary>
[MessageUrn("bridge:BomPublished:v1", false)]
[EntityName("bridge.bom-published")]
public sealed record BomPublished : CanonicalMessage
{
    public required string Material { get; init; }
    /// <summary>The unit the BOM is per one of (the material's base unit).</summary>
    public required string Unit { get; init; }
    public string? Plant { get; init; }
    public required IReadOnlyList<BomComponentLine> Components { get; init; }
}
