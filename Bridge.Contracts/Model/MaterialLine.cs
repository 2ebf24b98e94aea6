namespace Bridge.Contracts.Model;

/// <summary>A material and an absolute quantity (an exploded requirement, a pick line, a delivery line).</summary>
public sealed record MaterialLine
{
    public required string Material { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public string? Lot { get; init; }
    public string? Warehouse { get; init; }
    public string? Location { get; init; }
    /// <summary>The supplier's own lot number behind <see cref="Lot"/>, where a system tracks it.</summary>
    public string? SupplierLot { get; init; }
}
