using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>
/// MES → bus: produced and consumed quantities with lots. Bridge posts the consumption (backflush) and the
/// completion to ERP and records the lots in the genealogy.
/// </summary>
[MessageUrn("bridge:ProductionPerformanceReported:v1", false)]
[EntityName("bridge.production-performance-reported")]
public sealed record ProductionPerformanceReported : CanonicalMessage
{
    public required string OrderId { get; init; }
    public required decimal ProducedQuantity { get; init; }
    public required string Unit { get; init; }
    /// <summary>The product made, when the MES names it (else the released order's material).</summary>
    public string? Material { get; init; }
    /// <summary>The lot the produced quantity was booked into.</summary>
    public string? ProducedLot { get; init; }
    /// <summary>Plant or site where it was produced (else the released order's plant).</summary>
    public string? Plant { get; init; }
    /// <summary>What went in: material, quantity, lot, the warehouse it came from and the supplier's lot where known.</summary>
    public IReadOnlyList<MaterialLine> Consumed { get; init; } = [];
}
