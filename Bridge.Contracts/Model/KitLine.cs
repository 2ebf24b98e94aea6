namespace Bridge.Contracts.Model;

/// <summary>Kit completeness of one material: required against available; where the stock is.</summary>
public sealed record KitLine
{
    public required string Material { get; init; }
    public required string Unit { get; init; }
    public required decimal Required { get; init; }
    public required decimal Available { get; init; }
    public decimal Shortage => Math.Max(0m, Required - Available);
    public IReadOnlyList<StockLocation> Locations { get; init; } = [];
}
