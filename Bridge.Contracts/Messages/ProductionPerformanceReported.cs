using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>MES → bus → ERP: produced and consumed quantities with lots.</summary>
[MessageUrn("bridge:ProductionPerformanceReported:v1", false)]
[EntityName("bridge.production-performance-reported")]
public sealed record ProductionPerformanceReported : CanonicalMessage
{
    public required string OrderId { get; init; }
    public required decimal ProducedQuantity { get; init; }
    public required string Unit { get; init; }
    public IReadOnlyList<MaterialLine> Consumed { get; init; } = [];
}
