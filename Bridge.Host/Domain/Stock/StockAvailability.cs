using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>Available stock = rows with status Available minus what reservations hold on the same warehouse/location/lot.</summary>
public static class StockAvailability
{
    public static IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> Compute(
        IEnumerable<StockEntry> entries,
        IEnumerable<MaterialLine> reserved)
    {
        var held = reserved
            .GroupBy(r => (r.Warehouse ?? "", r.Material, r.Location ?? "", r.Lot ?? ""))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));

        return entries
            .Where(e => e.Status == InventoryStatus.Available)
            .Select(e =>
            {
                var minus = held.GetValueOrDefault((e.Warehouse, e.Material, e.Location, e.Lot));
                return (e.Material, Stock: new StockLocation(e.Warehouse, NullIfEmpty(e.Location), NullIfEmpty(e.Lot), e.Quantity - minus, e.ExpiresOn, e.Unit));
            })
            .Where(x => x.Stock.Quantity > 0m)
            .GroupBy(x => x.Material, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StockLocation>)g.Select(x => x.Stock).ToList(), StringComparer.Ordinal);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
