using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>MES → bus: material for an order at a line (an order quantity to explode, or explicit lines).</summary>
[MessageUrn("bridge:MaterialRequested:v1", false)]
[EntityName("bridge.material-requested")]
public sealed record MaterialRequested : CanonicalMessage
{
    public required string RequestId { get; init; }
    public required string OrderId { get; init; }
    public string? Line { get; init; }
    public required string Location { get; init; }
    /// <summary>Quantity of the order&apos;s product to explode; ignored when <see cref="Lines"/> is given.</summary>
    public decimal? OrderQuantity { get; init; }
    public IReadOnlyList<MaterialLine> Lines { get; init; } = [];
    public DateTimeOffset? NeededBy { get; init; }
}
