using Bridge.Contracts.Model;

namespace Bridge.Host.Orchestration.Kitting;

/// <summary>Compares required materials with available stock: one <see cref="KitLine"/> per requirement.</summary>
public static class KitCalculator
{
    public static KitResult Check(IReadOnlyList<MaterialLine> required, IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> stockByMaterial)
    {
        var lines = required
            .Select(requirement =>
            {
                var locations = stockByMaterial.TryGetValue(requirement.Material, out var found) ? found : [];
                return new KitLine
                {
                    Material = requirement.Material,
                    Unit = requirement.Unit,
                    Required = requirement.Quantity,
                    Available = locations.Sum(l => l.Quantity),
                    Locations = locations,
                };
            })
            .ToList();

        var covered = lines.Count(l => l.Shortage == 0m);
        var rate = lines.Count == 0 ? 1m : Math.Round((decimal)covered / lines.Count, 4);
        return new KitResult(lines, covered == lines.Count, rate);
    }
}
