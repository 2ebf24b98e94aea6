using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → MES: per material required, available, shortage and where the stock is.</summary>
[MessageUrn("bridge:KitChecked:v1", false)]
[EntityName("bridge.kit-checked")]
public sealed record KitChecked : CanonicalMessage
{
    public required string OrderId { get; init; }
    public string? RequestId { get; init; }
    public required bool Complete { get; init; }
    /// <summary>Share of lines fully covered, 0..1.</summary>
    public required decimal KitRate { get; init; }
    public required IReadOnlyList<KitLine> Lines { get; init; }
}
