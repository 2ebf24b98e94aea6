using Bridge.Contracts.Model;

namespace Bridge.Host.Orchestration.Kitting;

/// <summary>
/// Compares required materials with available stock: requirements merged by material first, then one
/// <see cref="KitLine"/> per material, the available quantity converted into the required unit (stock in a unit that
/// cannot be converted does not count).
/// </summary>
public static class KitCalculator
{
    /// <exception cref="KitQuantityException">The quantities cannot be worked with (see <see cref="RequirementMerger"/>).</exception>
    public static KitResult Check(
        IReadOnlyList<MaterialLine> required,
        IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> stockByMaterial,
        IUnitConverter? units = null)
    {
        units ??= StandardUnitConverter.Instance;
        var lines = RequirementMerger.Merge(required, units)
            .Select(requirement =>
            {
                var locations = stockByMaterial.TryGetValue(requirement.Material, out var found) ? found : [];
                var usable = new List<StockLocation>();
                var available = 0m;
                foreach (var location in locations)
                {
                    if (location.Quantity > 0m
                        && UnitMath.TryConvert(units, requirement.Material, location.Quantity, location.Unit ?? requirement.Unit, requirement.Unit, out var converted))
                    {
                        usable.Add(location);
                        available = Add(available, converted, requirement.Material);
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

    private static decimal Add(decimal sum, decimal quantity, string material)
    {
        try
        {
            return sum + quantity;
        }
        catch (OverflowException)
        {
            throw new KitQuantityException($"the stock of {material} adds up to more than Bridge can count");
        }
    }
}
