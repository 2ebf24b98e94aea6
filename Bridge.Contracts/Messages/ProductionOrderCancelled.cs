using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>ERP → bus: the order is cancelled; open requests release their reservations.</summary>
[MessageUrn("bridge:ProductionOrderCancelled:v1", false)]
[EntityName("bridge.production-order-cancelled")]
public sealed record ProductionOrderCancelled : CanonicalMessage
{
    public required string OrderId { get; init; }
    public string? Reason { get; init; }
}
