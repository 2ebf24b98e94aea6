using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

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
                var byUnit = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
                foreach (var location in locations.Where(l => l.Quantity > 0m))
                {
                    var unit = location.Unit ?? requirement.Unit;
                    if (UnitMath.TryConvert(units, requirement.Material, 1m, unit, requirement.Unit, out _))
                    {
                        usable.Add(location);
                        byUnit[unit] = Add(byUnit.GetValueOrDefault(unit), location.Quantity, requirement.Material);
                    }
                }

                // Summed in the unit the stock is kept in, converted once per unit: twelve single pieces are one box.
                var available = 0m;
                foreach (var (unit, quantity) in byUnit)
                {
                    UnitMath.TryConvert(units, requirement.Material, quantity, unit, requirement.Unit, out var converted);
                    available = Add(available, converted, requirement.Material);
                }

                if (Math.Abs(requirement.Quantity - available) <= UnitMath.Tolerance)
                {
                    available = requirement.Quantity;
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
