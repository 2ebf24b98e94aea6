using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// Compares required materials with available stock: one <see cref="KitLine"/> per requirement, the available
/// quantity converted into the required unit (stock in a unit that cannot be converted does not count).
/// </summary>
public static class KitCalculator
{
    public static KitResult Check(
        IReadOnlyList<MaterialLine> required,
        IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> stockByMaterial,
        IUnitConverter? units = null)
    {
        units ??= StandardUnitConverter.Instance;
        var lines = required
            .Select(requirement =>
            {
                var locations = stockByMaterial.TryGetValue(requirement.Material, out var found) ? found : [];
                var usable = new List<StockLocation>();
                var available = 0m;
                foreach (var location in locations)
                {
                    if (units.TryConvert(requirement.Material, location.Quantity, location.Unit ?? requirement.Unit, requirement.Unit, out var converted))
                    {
                        usable.Add(location);
                        available += converted;
                    }
                }

                return new KitLine
                {
                    Material = requirement.Material,
                    Unit = requirement.Unit,
                    Required = requirement.Quantity,
                    Available = available,
                    Locations = usable,
                };
            })
            .ToList();

        return new KitResult(lines);
    }
}
