using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Tests.Orchestration.Kitting;

public class StockAllocatorTests
{
    [Fact]
    public void Allocate_PrefersOwnWarehouseThenEarliestExpiry_AndSplits()
    {
        var stock = new Dictionary<string, IReadOnlyList<StockLocation>>
        {
            ["A"] =
            [
                new("WH-B", "B1", "L9", 100, new DateOnly(2026, 1, 1)),
                new("WH-A", "A1", "L2", 5, new DateOnly(2027, 6, 1)),
                new("WH-A", "A2", "L1", 4, new DateOnly(2027, 1, 1)),
            ],
        };

        var lines = StockAllocator.Allocate([new MaterialLine { Material = "A", Quantity = 12, Unit = "kg" }], stock, new HashSet<string> { "WH-A" });

        lines.Select(l => (l.Warehouse, l.Lot, l.Quantity)).ShouldBe([("WH-A", "L1", 4m), ("WH-A", "L2", 5m), ("WH-B", "L9", 3m)]);
    }

    [Fact]
    public void Allocate_NotEnough_Throws()
    {
        var stock = new Dictionary<string, IReadOnlyList<StockLocation>> { ["A"] = [new("WH-A", null, null, 1)] };

        Should.Throw<InvalidOperationException>(() =>
            StockAllocator.Allocate([new MaterialLine { Material = "A", Quantity = 2, Unit = "kg" }], stock, new HashSet<string>()));
    }

    [Fact]
    public void Allocate_ReturnsLinesInTheUnitTheStockIsKeptIn()
    {
        var stock = new Dictionary<string, IReadOnlyList<StockLocation>> { ["PASTE"] = [new("WH-A", "B1", "L1", 0.8m, Unit: "kg"), new("WH-A", "B2", "L2", 2m, Unit: "kg")] };

        var lines = StockAllocator.Allocate([new MaterialLine { Material = "PASTE", Quantity = 1250, Unit = "g" }], stock, new HashSet<string>());

        lines.Select(l => (l.Location, l.Quantity, l.Unit)).ShouldBe([("B2", 1.25m, "kg")]);
    }
}
