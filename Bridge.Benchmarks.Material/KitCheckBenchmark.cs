using Bridge.Contracts.Model;
using Bridge.Host.Domain.KitChecks;
using Bridge.Host.Domain.Sourcing;

namespace Bridge.Benchmarks.Material;

/// <summary>
/// Kit checks with sourcing against 20 warehouses at 4 sites (5 warehouses each, routes between all sites): each
/// material lies in every warehouse in 2 lots, some blocked or expired. As in the host (KitCheckStockCache), the stock
/// index is built once per stock version and every check takes from its own pool over it with a new sourcing service:
/// the check is timed against a warm index, the index build separately, and writing the reasons (only the API answer
/// reads them) separately.
/// </summary>
internal static class KitCheckBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public static string RunOneOrder(int rounds)
    {
        var (catalog, stock) = Sites(materials: 500);
        var order = Order("O-1", 500, 0, 500);
        StockIndex? index = null;
        var build = Timing.Measure(rounds, () => index = StockIndex.Build(stock));
        var complete = false;
        var check = Timing.Measure(rounds, () => complete = ScheduleKitCheck.Run([order], new StockPool(index!), new SourcingService(catalog), Now)[0].Complete);
        var reasons = 0;
        var written = Timing.Measure(rounds, () => reasons = ScheduleKitCheck.Run([order], new StockPool(index!), new SourcingService(catalog), Now)[0]
            .Lines.Sum(l => l.Reasons.Count));
        return Timing.Line($"kit check, 1 order × 500 lines, 20 warehouses ({stock.Count:N0} lots), warm index, complete={complete}", check, "(target < 1 ms)")
            + Environment.NewLine + Timing.Line("  the same check with its reasons written out (as the API answer shows them)", written, $"({reasons} reasons)")
            + Environment.NewLine + Timing.Line("  building the stock index (once per stock version)", build, "");
    }

    public static string RunSchedule(int rounds)
    {
        var (catalog, stock) = Sites(materials: 2000);
        var orders = Enumerable.Range(0, 1000).Select(i => Order($"O-{i}", 50, i * 37, 2000, priority: i % 5)).ToList();
        StockIndex? index = null;
        var build = Timing.Measure(rounds, () => index = StockIndex.Build(stock));
        var complete = 0;
        var time = Timing.Measure(rounds, () => complete = ScheduleKitCheck.Run(orders, new StockPool(index!), new SourcingService(catalog), Now).Count(k => k.Complete));
        return Timing.Line($"schedule kit check, 1,000 orders × 50 lines, 20 warehouses ({stock.Count:N0} lots), {complete} complete", time, "(report)")
            + Environment.NewLine + Timing.Line("  building its stock index (once per stock version)", build, "");
    }

    private static ScheduledOrder Order(string id, int lines, int offset, int materials, int priority = 0) =>
        new(id, "P-0", Now.AddHours(10), Enumerable.Range(0, lines)
            .Select(i => new MaterialLine { Material = $"M-{(offset + i * 7) % materials}", Quantity = 1 + (i % 9), Unit = "pcs" }).ToList(), priority);

    private static (WarehouseCatalog Catalog, List<StockLot> Stock) Sites(int materials)
    {
        var sites = Enumerable.Range(0, 4).Select(s => $"S{s}").ToList();
        var plants = sites.Select((s, i) => new Plant($"P-{i}", s, ["ACME"], [])).ToList();
        var warehouses = Enumerable.Range(0, 20).Select(w => new Warehouse($"WH-{w:00}", sites[w / 5], w % 5 == 0 ? [$"P-{w / 5}"] : [], ["ACME"])).ToList();
        var routes = sites.SelectMany((from, i) => sites.Where(to => to != from)
            .Select((to, j) => new TransferRoute(from, to, 50m + 10 * i + j, TimeSpan.FromHours(2 + i + j)))).ToList();
        var stock = new List<StockLot>();
        for (var m = 0; m < materials; m++)
        {
            foreach (var warehouse in warehouses)
            {
                var w = int.Parse(warehouse.Id[3..]);
                stock.Add(new StockLot(warehouse.Id, $"M-{m}", $"L{m}-{w}-1", (m + w) % 7, "pcs",
                    (m + w) % 13 == 0 ? InventoryStatus.Blocked : InventoryStatus.Available, DateOnly.FromDateTime(Now.AddDays((m + w) % 20 - 2).UtcDateTime)));
                stock.Add(new StockLot(warehouse.Id, $"M-{m}", $"L{m}-{w}-2", (m * 3 + w) % 11, "pcs", ReceivedAt: Now.AddDays(-(w % 9))));
            }
        }

        return (new WarehouseCatalog(plants, warehouses, routes), stock);
    }
}
