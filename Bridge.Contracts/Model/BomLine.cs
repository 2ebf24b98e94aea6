namespace Bridge.Contracts.Model;

/// <summary>One component of a production order's bill of materials, per one unit of the parent.</summary>
public sealed record BomLine
{
    public required string Material { get; init; }
    public required decimal QuantityPer { get; init; }
    public required string Unit { get; init; }
    /// <summary>Expected scrap in percent of the net requirement (5 means +5 %).</summary>
    public decimal ScrapPercent { get; init; }
    /// <summary>A phantom assembly is exploded through, never picked.</summary>
    public bool IsPhantom { get; init; }
    /// <summary>For a phantom: its own components, per one unit of the phantom.</summary>
    public IReadOnlyList<BomLine> Components { get; init; } = [];
}
