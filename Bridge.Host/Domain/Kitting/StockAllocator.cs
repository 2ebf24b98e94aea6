using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// Chooses where each required quantity is taken from: the plant's own warehouses first, then the others;
/// within a warehouse, lots that expire first (FEFO), then the larger quantities; splitting across locations when needed.
/// Each allocated line is in the unit the warehouse keeps the stock in, so it can be picked as it lies.
/// </summary>
public static class StockAllocator
{
    public static IReadOnlyList<MaterialLine> Allocate(
        IReadOnlyList<MaterialLine> required,
        IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> stockByMaterial,
        IReadOnlySet<string> preferredWarehouses,
        IUnitConverter? units = null)
    {
        units ??= StandardUnitConverter.Instance;
        var allocation = new List<MaterialLine>();
        foreach (var requirement in required)
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
                if (!units.TryConvert(requirement.Material, stock.Quantity, stockUnit, requirement.Unit, out var there)
                    || !units.TryConvert(requirement.Material, Math.Min(remaining, there), requirement.Unit, stockUnit, out var takeInStockUnit))
                {
                    continue;
                }

                var take = Math.Min(remaining, there);
                if (take <= 0m)
                {
                    continue;
                }

                allocation.Add(new MaterialLine
                {
                    Material = requirement.Material,
                    Unit = stockUnit,
                    Quantity = Math.Min(takeInStockUnit, stock.Quantity) / 1.000000000000000000000000000000000m,
                    Warehouse = stock.Warehouse,
                    Location = stock.Location,
                    Lot = stock.Lot,
                });
                remaining -= take;
            }

            if (remaining > 0m)
            {
                throw new InvalidOperationException($"cannot allocate {remaining} {requirement.Unit} of {requirement.Material}: not enough stock");
            }
        }

        return allocation;
    }
}
