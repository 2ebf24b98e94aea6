using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>MQTT → bus: a sensor's reading of a bin (quantity, weight or fill %).</summary>
[MessageUrn("bridge:BinLevelReported:v1", false)]
[EntityName("bridge.bin-level-reported")]
public sealed record BinLevelReported : CanonicalMessage
{
    public required string Location { get; init; }
    public string? Material { get; init; }
    public required decimal Value { get; init; }
    /// <summary>Unit of the reading: a quantity unit, a weight unit, or <c>%</c>.</summary>
    public required string Unit { get; init; }
}
