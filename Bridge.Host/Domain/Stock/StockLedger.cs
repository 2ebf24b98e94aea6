using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// The ordering rules of the stock view, shared by both stores: per bin, the newest report wins; a change replaces
/// every status of its bin; a snapshot replaces the warehouse except bins reported after it; a bin that goes to zero
/// stays as a zero row so a late, older report cannot bring it back. A bin's time is that of its last report: picks
/// Bridge applied since are kept as <see cref="StockPick"/>s and subtracted again from any report older than them.
/// </summary>
public static class StockLedger
{
    /// <param name="picks">Picks Bridge applied to the bin since its last report.</param>
    /// <returns>The bin's new rows, or null when the bin already holds a newer report.</returns>
    public static IReadOnlyList<StockEntry>? Change(IReadOnlyList<StockEntry> binNow, StockEntry incoming, IEnumerable<StockPick> picks) =>
        binNow.Any(e => e.AsOf > incoming.AsOf) ? null : [LessPicksAfter(incoming, picks)];

    /// <returns>Per bin to rewrite, its new rows (a zero row for bins the snapshot no longer lists).</returns>
    public static IReadOnlyDictionary<StockBin, IReadOnlyList<StockEntry>> Snapshot(
        IReadOnlyList<StockEntry> warehouseNow, IReadOnlyList<StockEntry> incoming, DateTimeOffset asOf, IReadOnlyList<StockPick> picks)
    {
        var newer = warehouseNow.Where(e => e.AsOf > asOf).Select(e => e.Bin).ToHashSet();
        var result = new Dictionary<StockBin, IReadOnlyList<StockEntry>>();
        foreach (var bin in incoming.GroupBy(e => e.Bin).Where(g => !newer.Contains(g.Key)))
        {
            result[bin.Key] = bin
                .GroupBy(e => e.Status)
                .Select(g => LessPicksAfter(g.First() with { Quantity = g.Sum(e => e.Quantity) }, picks))
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
    /// Whether a pick (as of the WMS's pick time) leaves the bin now: not when the WMS has reported the bin since, because
    /// that report already lacks the pick and subtracting again would count it twice.
    /// </summary>
    public static bool PickIsNewer(IReadOnlyList<StockEntry> binNow, DateTimeOffset pickedAt) => binNow.All(e => e.AsOf < pickedAt);

    /// <summary>The bin's rows with a newer pick taken out of its available quantity; the bin keeps the time of its report.</summary>
    public static IReadOnlyList<StockEntry> Pick(IReadOnlyList<StockEntry> binNow, decimal picked) =>
        binNow.Select(e => e.Status == InventoryStatus.Available ? e with { Quantity = Math.Max(0m, e.Quantity - picked) } : e).ToList();

    /// <summary>A reported quantity less what Bridge picked from the bin after the report's time (the report does not know those picks yet).</summary>
    private static StockEntry LessPicksAfter(StockEntry reported, IEnumerable<StockPick> picks)
    {
        if (reported.Status != InventoryStatus.Available)
        {
            return reported;
        }

        var later = picks.Where(p => p.Bin == reported.Bin && p.PickedAt > reported.AsOf).Sum(p => p.Quantity);
        return later == 0m ? reported : reported with { Quantity = Math.Max(0m, reported.Quantity - later) };
    }

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
