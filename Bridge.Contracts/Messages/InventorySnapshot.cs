using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>WMS → bus: the full stock of a warehouse; replaces what was known of it.</summary>
[MessageUrn("bridge:InventorySnapshot:v1", false)]
[EntityName("bridge.inventory-snapshot")]
public sealed record InventorySnapshot : CanonicalMessage
{
    public required string Warehouse { get; init; }
    public required IReadOnlyList<InventoryRecord> Records { get; init; }
}
