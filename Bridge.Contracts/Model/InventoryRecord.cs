namespace Bridge.Contracts.Model;

/// <summary>Stock of one material/lot at one warehouse location with one status.</summary>
public sealed record InventoryRecord
{
    public required string Warehouse { get; init; }
    public required string Material { get; init; }
    public string? Lot { get; init; }
    public string? Location { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public InventoryStatus Status { get; init; } = InventoryStatus.Available;
    public DateOnly? ExpiresOn { get; init; }
}
