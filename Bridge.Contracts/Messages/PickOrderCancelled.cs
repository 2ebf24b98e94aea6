using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → WMS: do not pick this pick order (any more); the request it served has ended.</summary>
[MessageUrn("bridge:PickOrderCancelled:v1", false)]
[EntityName("bridge.pick-order-cancelled")]
public sealed record PickOrderCancelled : CanonicalMessage, IWarehouseAddressed
{
    public required string PickOrderId { get; init; }
    public required string RequestId { get; init; }
    public required string OrderId { get; init; }
    public required string Warehouse { get; init; }
    public required string Reason { get; init; }
}
