using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>WMS → bus: the quantity of one material/lot/location/status is now this.</summary>
[MessageUrn("bridge:InventoryChanged:v1", false)]
[EntityName("bridge.inventory-changed")]
public sealed record InventoryChanged : CanonicalMessage
{
    public required InventoryRecord Record { get; init; }
}
