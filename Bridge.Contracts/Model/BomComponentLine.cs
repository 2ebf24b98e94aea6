namespace Bridge.Contracts.Model;

/// <summary>One component row of a published BOM: per one base unit of the parent, with scrap and validity (inclusive dates, open when absent).</summary>
public sealed record BomComponentLine
{
    public required string Component { get; init; }
    public required decimal QuantityPer { get; init; }
    public required string Unit { get; init; }
    /// <summary>Expected scrap in percent (5 means +5 %).</summary>
    public decimal ScrapPercent { get; init; }
    /// <summary>A phantom is exploded through, never picked.</summary>
    public bool IsPhantom { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}
