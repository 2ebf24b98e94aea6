using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>OPC UA → bus: a PLC counter moved; parts used at a location.</summary>
[MessageUrn("bridge:LineSideConsumptionReported:v1", false)]
[EntityName("bridge.line-side-consumption-reported")]
public sealed record LineSideConsumptionReported : CanonicalMessage
{
    public required string Location { get; init; }
    public required string Material { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
}
