using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → WMS: pick these lines and bring them to the destination location.</summary>
[MessageUrn("bridge:PickOrderIssued:v1", false)]
[EntityName("bridge.pick-order-issued")]
public sealed record PickOrderIssued : CanonicalMessage, IWarehouseAddressed
{
    public required string PickOrderId { get; init; }
    public required string RequestId { get; init; }
    public required string OrderId { get; init; }
    public required string Warehouse { get; init; }
    public required string Destination { get; init; }
    public required IReadOnlyList<MaterialLine> Lines { get; init; }
}
