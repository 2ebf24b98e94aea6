using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// Stock by material, each a <see cref="MaterialStock"/> built once. Many checks read one index: each takes stock out
/// of its own <see cref="StockPool"/> over it, so the index is built once per stock version, not once per check.
/// </summary>
public sealed class StockIndex(IReadOnlyDictionary<string, MaterialStock> materials)
{
    public static readonly StockIndex Empty = new(new Dictionary<string, MaterialStock>());

    public int LotCount => materials.Values.Sum(m => m.LotCount);

    public MaterialStock? Of(string material) => materials.GetValueOrDefault(material);

    public static StockIndex Build(IEnumerable<StockLot> lots)
    {
        var byMaterial = new Dictionary<string, List<StockLot>>(StringComparer.Ordinal);
        foreach (var lot in lots)
        {
            if (!byMaterial.TryGetValue(lot.Material, out var list))
            {
                byMaterial[lot.Material] = list = [];
            }

            list.Add(lot);
        }

        var materials = new Dictionary<string, MaterialStock>(byMaterial.Count, StringComparer.Ordinal);
        foreach (var (material, list) in byMaterial)
        {
            materials[material] = MaterialStock.Build(material, list);
        }

        return new StockIndex(materials);
    }

    /// <summary>From the stock view's available stock (available status only, reservations already subtracted).</summary>
    public static StockIndex FromAvailable(IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> available, string defaultUnit = "pcs")
    {
        var materials = new Dictionary<string, MaterialStock>(available.Count, StringComparer.Ordinal);
        foreach (var (material, locations) in available)
        {
            materials[material] = FromAvailable(material, locations, defaultUnit);
        }

        return new StockIndex(materials);
    }

    public static MaterialStock FromAvailable(string material, IReadOnlyList<StockLocation> locations, string defaultUnit = "pcs")
    {
        var lots = new StockLot[locations.Count];
        for (var i = 0; i < lots.Length; i++)
        {
            var s = locations[i];
            lots[i] = new StockLot(s.Warehouse, material, s.Lot, s.Quantity, s.Unit ?? defaultUnit, InventoryStatus.Available, s.ExpiresOn, Location: s.Location);
        }

        return MaterialStock.Build(material, lots);
    }
}
