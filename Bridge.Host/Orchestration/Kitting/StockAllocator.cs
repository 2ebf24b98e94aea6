using Bridge.Contracts.Model;

namespace Bridge.Host.Orchestration.Kitting;

/// <summary>
/// Chooses where each required quantity is taken from: the plant's own warehouses first, then the others;
/// within a warehouse, lots that expire first (FEFO), then the larger quantities; splitting across locations when needed.
/// </summary>
public static class StockAllocator
{
    public static IReadOnlyList<MaterialLine> Allocate(
        IReadOnlyList<MaterialLine> required,
        IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> stockByMaterial,
        IReadOnlySet<string> preferredWarehouses)
    {
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

                var take = Math.Min(remaining, stock.Quantity);
                if (take <= 0m)
                {
                    continue;
                }

                allocation.Add(new MaterialLine
                {
                    Material = requirement.Material,
                    Unit = requirement.Unit,
                    Quantity = take,
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
