using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// The ordering rules of the stock view, shared by both stores: per bin, the newest source time wins; a change
/// replaces every status of its bin; a snapshot replaces the warehouse except bins reported after it; a bin that goes
/// to zero stays as a zero row so a late, older report cannot bring it back.
/// </summary>
public static class StockLedger
{
    /// <returns>The bin's new rows, or null when the bin already holds a newer report.</returns>
    public static IReadOnlyList<StockEntry>? Change(IReadOnlyList<StockEntry> binNow, StockEntry incoming) =>
        binNow.Any(e => e.AsOf > incoming.AsOf) ? null : [incoming];

    /// <returns>Per bin to rewrite, its new rows (a zero row for bins the snapshot no longer lists).</returns>
    public static IReadOnlyDictionary<StockBin, IReadOnlyList<StockEntry>> Snapshot(
        IReadOnlyList<StockEntry> warehouseNow, IReadOnlyList<StockEntry> incoming, DateTimeOffset asOf)
    {
        var newer = warehouseNow.Where(e => e.AsOf > asOf).Select(e => e.Bin).ToHashSet();
        var result = new Dictionary<StockBin, IReadOnlyList<StockEntry>>();
        foreach (var bin in incoming.GroupBy(e => e.Bin).Where(g => !newer.Contains(g.Key)))
        {
            result[bin.Key] = bin
                .GroupBy(e => e.Status)
                .Select(g => g.First() with { Quantity = g.Sum(e => e.Quantity) })
                .ToList();
        }

        foreach (var gone in warehouseNow.GroupBy(e => e.Bin).Where(g => !newer.Contains(g.Key) && !result.ContainsKey(g.Key)))
        {
            var last = gone.First();
            result[gone.Key] = [last with { Status = InventoryStatus.Available, Quantity = 0m, AsOf = asOf }];
        }

        return result;
    }

    /// <summary>
    /// A picked line leaves its bin at the pick (as of the WMS's pick time), unless the WMS has reported the bin since:
    /// then its quantity already lacks the pick and subtracting again would count it twice.
    /// </summary>
    public static StockEntry Pick(StockEntry bin, decimal picked, DateTimeOffset pickedAt) =>
        bin.AsOf >= pickedAt ? bin : bin with { Quantity = Math.Max(0m, bin.Quantity - picked), AsOf = pickedAt };

    /// <summary>Materials with more stock in status Available after than before.</summary>
    public static IReadOnlyList<string> MoreAvailable(IEnumerable<StockEntry> before, IEnumerable<StockEntry> after)
    {
        var was = Totals(before);
        return Totals(after).Where(t => t.Value > was.GetValueOrDefault(t.Key)).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, decimal> Totals(IEnumerable<StockEntry> entries) =>
        entries.Where(e => e.Status == InventoryStatus.Available)
            .GroupBy(e => e.Material, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(0m, (sum, e) => sum + Math.Min(e.Quantity, decimal.MaxValue - sum)), StringComparer.Ordinal);
}
