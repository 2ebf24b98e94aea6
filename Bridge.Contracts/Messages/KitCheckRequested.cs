using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>MES/ERP → bus: is this order's kit complete for this quantity?</summary>
[MessageUrn("bridge:KitCheckRequested:v1", false)]
[EntityName("bridge.kit-check-requested")]
public sealed record KitCheckRequested : CanonicalMessage
{
    public required string OrderId { get; init; }
    public decimal? OrderQuantity { get; init; }
}
