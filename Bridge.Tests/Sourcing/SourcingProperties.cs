using Bridge.Contracts.Model;
using Bridge.Host.Domain.KitChecks;
using Bridge.Host.Domain.Sourcing;
using CsCheck;

namespace Bridge.Tests.Sourcing;

/// <summary>
/// Sourcing and the schedule kit check on random stock against a naive reference that works per warehouse (free totals
/// only, no lots): random lots across own, same-site, remote (two in time, one late), unreachable and unknown
/// warehouses; owners (own, consignment the plant may use, a foreign one); blocked, quality-inspection, expired and
/// available stock; FEFO/FIFO data; quantities in kg (halves: a counted unit would round picks up to whole pieces).
/// Invariants: each line takes per warehouse exactly what the reference takes (own
/// warehouses first, then the same site, then remote sites by cost then arrival; one warehouse that covers the rest
/// preferred to a split), the shortage is what the reference lacks, no lot gives more than it holds, only stock that
/// counts is used, within a warehouse lots go in FEFO/FIFO order, and orders are served in schedule order.
/// </summary>
public class SourcingProperties
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NeededBy = Now.AddHours(8);
    private static readonly DateOnly NeededOn = DateOnly.FromDateTime(NeededBy.UtcDateTime);
    private static readonly string[] Materials = ["M1", "M2", "M3"];
    private static readonly string[] WarehouseIds = ["WH-A", "WH-B", "WH-S", "WH-R1", "WH-R2", "WH-L", "WH-X", "WH-U"];
    private static readonly string?[] Owners = [null, null, "ACME", "CONS", "OTHER"];
    private static readonly InventoryStatus[] Statuses =
        [InventoryStatus.Available, InventoryStatus.Available, InventoryStatus.Available, InventoryStatus.Blocked, InventoryStatus.QualityInspection, InventoryStatus.Expired];
    private static readonly DateOnly?[] Expiries = [null, null, NeededOn.AddDays(-1), NeededOn, NeededOn.AddDays(3), NeededOn.AddDays(1)];

    /// <summary>Plant P1 (site S1) owns ACME stock and may use consignment stock of CONS.</summary>
    private static readonly WarehouseCatalog Sites = new(
        [new Plant("P1", "S1", ["ACME"], ["CONS"])],
        [
            new Warehouse("WH-A", "S1", ["P1"], ["ACME"]),
            new Warehouse("WH-B", "S1", ["P1"], ["CONS"]),
            new Warehouse("WH-S", "S1", [], ["ACME"]),
            new Warehouse("WH-R1", "S2", [], ["ACME"]),
            new Warehouse("WH-R2", "S3", [], ["ACME"]),
            new Warehouse("WH-L", "S4", [], ["ACME"]),
            new Warehouse("WH-X", "S5", [], ["ACME"]),
        ],
        [
            new TransferRoute("S2", "S1", 100m, TimeSpan.FromHours(4)),
            new TransferRoute("S3", "S1", 50m, TimeSpan.FromHours(6)),
            new TransferRoute("S4", "S1", 10m, TimeSpan.FromHours(30)),
        ]);

    /// <summary>The reference's view of a warehouse: tier (0 own, 1 same site, 2 remote in time), cost, arrival; null when it cannot serve in time.</summary>
    private static readonly Dictionary<string, (int Tier, decimal Cost, TimeSpan Lead)?> Reach = new()
    {
        ["WH-A"] = (0, 0m, TimeSpan.Zero),
        ["WH-B"] = (0, 0m, TimeSpan.Zero),
        ["WH-S"] = (1, 0m, TimeSpan.Zero),
        ["WH-R1"] = (2, 100m, TimeSpan.FromHours(4)),
        ["WH-R2"] = (2, 50m, TimeSpan.FromHours(6)),
        ["WH-L"] = null,
        ["WH-X"] = null,
        ["WH-U"] = null,
    };

    private static readonly Gen<StockLot[]> GenStock =
        Gen.Select(Gen.Int[0, WarehouseIds.Length - 1], Gen.Int[0, Materials.Length - 1], Gen.Int[0, 40], Gen.Int[0, Statuses.Length - 1],
                Gen.Int[0, Expiries.Length - 1], Gen.Int[0, Owners.Length - 1], Gen.Int[0, 72])
            .Array[0, 30]
            .Select(lots => lots.Select((l, i) => new StockLot(WarehouseIds[l.Item1], Materials[l.Item2], $"L{i:00}", l.Item3 / 2m, "kg",
                Statuses[l.Item4], Expiries[l.Item5], Now.AddHours(-l.Item7), Owners[l.Item6], $"B{i:00}")).ToArray());

    private static readonly Gen<ScheduledOrder[]> GenOrders =
        Gen.Select(Gen.Int[0, 3], Gen.Select(Gen.Int[0, Materials.Length - 1], Gen.Int[1, 60]).Array[1, 4])
            .Array[1, 6]
            .Select(orders => orders.Select((o, i) => new ScheduledOrder($"O-{i}", "P1", NeededBy,
                o.Item2.Select(l => new MaterialLine { Material = Materials[l.Item1], Quantity = l.Item2 / 2m, Unit = "kg" }).ToList(), o.Item1)).ToArray());

    [Fact]
    public void OneLine_TakesPerWarehouseWhatTheNaiveSplitTakes()
    {
        Gen.Select(GenStock, Gen.Int[0, Materials.Length - 1], Gen.Int[1, 80]).Sample((stock, m, half) =>
        {
            var line = new MaterialLine { Material = Materials[m], Quantity = half / 2m, Unit = "kg" };
            var decision = new SourcingService(Sites).Source(new StockPool(stock), line, "P1", Now, NeededBy);

            var free = FreeByWarehouse(stock);
            var (expected, shortage) = NaiveSource(free, line.Material, line.Quantity);
            TakenByWarehouse(decision).ShouldBe(expected, ignoreOrder: true);
            decision.Shortage.ShouldBe(shortage);
            decision.Sourced.Sum(s => s.Quantity).ShouldBe(line.Quantity - shortage);
            CheckLots(stock, [decision]);
        }, iter: 500);
    }

    [Fact]
    public void Schedule_ServesOrdersInTurn_EachEqualToTheNaiveReference_NoLotOverAllocated()
    {
        Gen.Select(GenStock, GenOrders, Gen.Bool).Sample((stock, orders, byDue) =>
        {
            var ordering = byDue ? KitCheckOrdering.Due : KitCheckOrdering.Priority;
            var kits = ScheduleKitCheck.Run(orders, new StockPool(stock), new SourcingService(Sites), Now, ordering);

            // All orders need the material at the same time: by due falls back to priority, then order id.
            var turn = orders.OrderBy(o => o.Priority).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToList();
            kits.Select(k => k.OrderId).ShouldBe(turn.Select(o => o.OrderId));
            var free = FreeByWarehouse(stock);
            var shortOf = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (kit, order) in kits.Zip(turn))
            {
                var merged = order.Lines.GroupBy(l => l.Material).Select(g => (Material: g.Key, Quantity: g.Sum(l => l.Quantity))).ToList();
                kit.Lines.Select(l => (l.Material, l.Required)).ShouldBe(merged, ignoreOrder: true);
                foreach (var line in kit.Lines)
                {
                    var (expected, shortage) = NaiveSource(free, line.Material, line.Required);
                    TakenByWarehouse(line).ShouldBe(expected, ignoreOrder: true, $"{kit.OrderId} {line.Material}");
                    line.Shortage.ShouldBe(shortage, $"{kit.OrderId} {line.Material}");
                    // Served in turn: once an order is short of a material, no later order gets any of it.
                    if (shortOf.Contains(line.Material))
                    {
                        line.Sourced.ShouldBeEmpty($"{kit.OrderId} got {line.Material} after an earlier order was short of it");
                    }

                    if (shortage > 0m)
                    {
                        shortOf.Add(line.Material);
                    }
                }

                kit.Complete.ShouldBe(kit.Lines.All(l => l.Shortage == 0m));
            }

            CheckLots(stock, kits.SelectMany(k => k.Lines).ToList());
        }, iter: 400);
    }

    /// <summary>Free stock that counts, per material and warehouse that can serve in time.</summary>
    private static Dictionary<(string Material, string Warehouse), decimal> FreeByWarehouse(IEnumerable<StockLot> stock) =>
        stock.Where(Counts).GroupBy(l => (l.Material, l.Warehouse)).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));

    private static bool Counts(StockLot lot)
    {
        if (Reach[lot.Warehouse] is null || lot.Status != InventoryStatus.Available || lot.Quantity <= 0m)
        {
            return false;
        }

        var owner = lot.Owner ?? Sites.Warehouses[lot.Warehouse].Owners[0];
        return (lot.ExpiresOn is null || lot.ExpiresOn >= NeededOn) && owner is "ACME" or "CONS";
    }

    /// <summary>
    /// The reference split: warehouses by tier, cost, arrival, id; within the best tier left, the first that covers the
    /// rest, else the first; what it takes is gone from <paramref name="free"/>.
    /// </summary>
    private static (List<(string Warehouse, decimal Quantity)> Taken, decimal Shortage) NaiveSource(
        Dictionary<(string Material, string Warehouse), decimal> free, string material, decimal need)
    {
        var candidates = free.Where(f => f.Key.Material == material && f.Value > 0m).Select(f => f.Key.Warehouse)
            .OrderBy(w => Reach[w]!.Value.Tier).ThenBy(w => Reach[w]!.Value.Cost).ThenBy(w => Reach[w]!.Value.Lead).ThenBy(w => w, StringComparer.Ordinal)
            .ToList();
        var taken = new List<(string, decimal)>();
        while (need > 0m && candidates.Count > 0)
        {
            var tier = Reach[candidates[0]]!.Value.Tier;
            var chosen = candidates.TakeWhile(w => Reach[w]!.Value.Tier == tier).FirstOrDefault(w => free[(material, w)] >= need) ?? candidates[0];
            candidates.Remove(chosen);
            var take = Math.Min(need, free[(material, chosen)]);
            free[(material, chosen)] -= take;
            need -= take;
            taken.Add((chosen, take));
        }

        return (taken, need);
    }

    private static List<(string Warehouse, decimal Quantity)> TakenByWarehouse(SourcingDecision decision) =>
        decision.Sourced.GroupBy(s => s.Warehouse).Select(g => (g.Key, g.Sum(s => s.Quantity))).ToList();

    /// <summary>Only lots that count are used, none beyond its quantity, and within a warehouse in FEFO then FIFO order.</summary>
    private static void CheckLots(IReadOnlyList<StockLot> stock, IReadOnlyList<SourcingDecision> decisions)
    {
        var byLot = stock.ToDictionary(l => l.Lot!);
        var used = decisions.SelectMany(d => d.Sourced).GroupBy(s => s.Lot!).ToDictionary(g => g.Key, g => g.Sum(s => s.StockQuantity));
        foreach (var (lot, quantity) in used)
        {
            Counts(byLot[lot]).ShouldBeTrue($"{lot} does not count but was used");
            quantity.ShouldBeLessThanOrEqualTo(byLot[lot].Quantity, $"{lot} over-allocated");
        }

        foreach (var group in stock.Where(Counts).GroupBy(l => (l.Warehouse, l.Material)))
        {
            var ordered = group.OrderBy(l => l.ExpiresOn ?? DateOnly.MaxValue).ThenBy(l => l.ReceivedAt).ThenBy(l => l.Lot, StringComparer.Ordinal).ToList();
            var exhausted = true;
            foreach (var lot in ordered)
            {
                var take = used.GetValueOrDefault(lot.Lot!);
                (exhausted || take == 0m).ShouldBeTrue($"{lot.Lot} at {lot.Warehouse} was used before an earlier-expiring or earlier-received lot was used up");
                exhausted = take == lot.Quantity;
            }
        }
    }
}
