using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// Chooses where each required quantity is taken from: the plant's own warehouses first, then the others;
/// within a warehouse, lots that expire first (FEFO), then the larger quantities; splitting across locations when needed.
/// Requirements are merged by material first. Each allocated line is in the unit the warehouse keeps the stock in,
/// rounded once there (whole pieces for counted units), so it can be picked as it lies.
/// </summary>
public static class StockAllocator
{
    /// <exception cref="InvalidOperationException">The stock does not cover the requirements.</exception>
    /// <exception cref="KitQuantityException">The quantities cannot be worked with.</exception>
    public static IReadOnlyList<MaterialLine> Allocate(
        IReadOnlyList<MaterialLine> required,
        IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> stockByMaterial,
        IReadOnlySet<string> preferredWarehouses,
        IUnitConverter? units = null)
    {
        units ??= StandardUnitConverter.Instance;
        var allocation = new List<MaterialLine>();
        foreach (var requirement in RequirementMerger.Merge(required, units))
        {
            var remaining = requirement.Quantity;
            var candidates = stockByMaterial.TryGetValue(requirement.Material, out var found) ? found : [];
            foreach (var stock in candidates
                         .OrderByDescending(s => preferredWarehouses.Contains(s.Warehouse))
                         .ThenBy(s => s.Warehouse, StringComparer.Ordinal)
                         .ThenBy(s => s.ExpiresOn ?? DateOnly.MaxValue)
                         .ThenByDescending(s => s.Quantity))
            {
                if (remaining <= 0m)
                {
                    break;
                }

                var stockUnit = stock.Unit ?? requirement.Unit;
                if (stock.Quantity <= 0m
                    || !UnitMath.TryConvert(units, requirement.Material, remaining, requirement.Unit, stockUnit, out var stillNeededHere))
                {
                    continue;
                }

                // Rounded once, in the unit the warehouse counts in: 29 pcs of a 12-piece box is 3 BX, not 2.4167.
                var needHere = UnitMath.PickQuantity(stillNeededHere, stockUnit);
                if (needHere <= stock.Quantity)
                {
                    allocation.Add(Line(requirement.Material, stockUnit, needHere, stock));
                    remaining = 0m;
                    break;
                }

                if (!UnitMath.TryConvert(units, requirement.Material, stock.Quantity, stockUnit, requirement.Unit, out var there))
                {
                    continue;
                }

                allocation.Add(Line(requirement.Material, stockUnit, stock.Quantity, stock));
                remaining -= there;
                if (remaining <= UnitMath.Tolerance)
                {
                    remaining = 0m;
                }
            }

            if (remaining > 0m)
            {
                throw new InvalidOperationException($"cannot allocate {remaining} {requirement.Unit} of {requirement.Material}: not enough stock");
            }
        }

        return allocation;
    }

    private static MaterialLine Line(string material, string unit, decimal quantity, StockLocation stock) => new()
    {
        Material = material,
        Unit = unit,
        Quantity = UnitMath.Normalize(quantity),
        Warehouse = stock.Warehouse,
        Location = stock.Location,
        Lot = stock.Lot,
    };
}
