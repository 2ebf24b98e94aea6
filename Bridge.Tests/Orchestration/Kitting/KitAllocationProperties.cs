using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;
using CsCheck;

namespace Bridge.Tests.Orchestration.Kitting;

/// <summary>
/// Kit check + reservation against a naive reference, on random stock (bins in pcs or boxes), random requirement
/// lists with repeats (each material asked for in pcs or boxes) and random pack sizes (1, 6, 12, 50: the 1/12 and
/// 1/6 factors are inexact in decimal). Invariants: the reservation succeeds exactly when the naive piece count
/// covers the need; no bin is held beyond its quantity (no stock counted twice, no negative availability); the held
/// lines cover the need and are whole in counted units; what is held is exactly what the pick lines carry.
/// </summary>
public class KitAllocationProperties
{
    private static readonly string[] Materials = ["A", "B", "C"];

    private static readonly Gen<(StockLocation Location, string Material)> GenBin =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 40], Gen.Bool,
            (m, bin, quantity, inBoxes) => (new StockLocation(bin % 2 == 0 ? "WH-A" : "WH-B", $"R{bin}", $"L{m}{bin}", quantity, Unit: inBoxes ? "box" : "pcs"), Materials[m]));

    private static readonly Gen<MaterialLine> GenNeed =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 30], (m, quantity) => new MaterialLine { Material = Materials[m], Quantity = quantity, Unit = "pcs" });

    private static readonly Gen<(Dictionary<string, int> Packs, string[] NeedUnits, (StockLocation Location, string Material)[] Bins, MaterialLine[] Needs)> GenCase =
        Gen.Select(Gen.Int[0, 3].Select(i => new[] { 1, 6, 12, 50 }[i]).Array[3], Gen.Bool.Array[3], GenBin.Array[0, 8], GenNeed.Array[1, 6],
            (packs, boxes, bins, needs) => (
                Materials.Select((m, i) => (m, packs[i])).ToDictionary(x => x.m, x => x.Item2),
                boxes.Select(b => b ? "box" : "pcs").ToArray(),
                bins.DistinctBy(b => (b.Location.Warehouse, b.Location.Location, b.Material)).ToArray(),
                needs));

    [Fact]
    public void Reservation_MatchesTheNaivePieceCount_AndNeverHoldsAPieceTwice()
    {
        GenCase.Sample(c =>
        {
            var units = new PackSizeConverter(c.Packs);
            var needs = c.Needs.Select(n => n with { Unit = c.NeedUnits[Array.IndexOf(Materials, n.Material)] }).ToList();
            var view = new InMemoryStockView(units);
            foreach (var (location, material) in c.Bins)
            {
                view.ApplyAsync(new InventoryRecord
                {
                    Warehouse = location.Warehouse, Material = material, Location = location.Location, Lot = location.Lot,
                    Quantity = location.Quantity, Unit = location.Unit!,
                }, DateTimeOffset.UnixEpoch, default).GetAwaiter().GetResult();
            }

            decimal Pieces(string material, decimal quantity, string unit) => unit == "box" ? quantity * c.Packs[material] : quantity;
            var neededPieces = needs.GroupBy(n => n.Material).ToDictionary(g => g.Key, g => g.Sum(n => Pieces(n.Material, n.Quantity, n.Unit)));
            var stockPieces = c.Bins.GroupBy(b => b.Material).ToDictionary(g => g.Key, g => g.Sum(b => Pieces(b.Material, b.Location.Quantity, b.Location.Unit!)));
            var naiveCovers = neededPieces.All(n => stockPieces.GetValueOrDefault(n.Key) >= n.Value);

            var kit = KitCalculator.Check(needs, view.GetAvailableAsync(Materials, default).GetAwaiter().GetResult(), units);
            var held = view.ReserveAsync("r", needs, new HashSet<string>(), default).GetAwaiter().GetResult();

            kit.Complete.ShouldBe(naiveCovers);
            (held is not null).ShouldBe(naiveCovers);
            kit.Lines.Select(l => l.Material).ShouldBeUnique();
            if (held is null)
            {
                view.ListReservationsAsync(default).GetAwaiter().GetResult().ShouldBeEmpty();
                return;
            }

            foreach (var line in held)
            {
                var bin = c.Bins.Single(b => b.Material == line.Material && b.Location.Warehouse == line.Warehouse && b.Location.Location == line.Location);
                line.Unit.ShouldBe(bin.Location.Unit);
                line.Quantity.ShouldBe(decimal.Truncate(line.Quantity), "counted units are picked whole");
            }

            foreach (var bin in held.GroupBy(l => (l.Material, l.Warehouse, l.Location)))
            {
                bin.Sum(l => l.Quantity).ShouldBeLessThanOrEqualTo(c.Bins.Single(b => (b.Material, b.Location.Warehouse, b.Location.Location) == bin.Key).Location.Quantity);
            }

            foreach (var (material, pieces) in neededPieces)
            {
                held.Where(l => l.Material == material).Sum(l => Pieces(material, l.Quantity, l.Unit)).ShouldBeGreaterThanOrEqualTo(pieces);
            }

            var available = view.GetAvailableAsync(Materials, default).GetAwaiter().GetResult();
            available.Values.SelectMany(l => l).ShouldAllBe(l => l.Quantity > 0m);
            var picks = held.GroupBy(l => l.Warehouse).Select(g => g.ToList()).ToList();
            picks.SelectMany(p => p).ShouldBe(held, ignoreOrder: true);
            foreach (var material in Materials)
            {
                (available.GetValueOrDefault(material)?.Sum(l => Pieces(material, l.Quantity, l.Unit!)) ?? 0m)
                    .ShouldBe(stockPieces.GetValueOrDefault(material) - held.Where(l => l.Material == material).Sum(l => Pieces(material, l.Quantity, l.Unit)));
            }
        }, iter: 2000);
    }
}
