using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Tests.Orchestration.Kitting;

public class KitCalculatorTests
{
    private static MaterialLine Need(string material, decimal quantity) => new() { Material = material, Quantity = quantity, Unit = "pcs" };

    [Fact]
    public void Check_AllCovered_IsCompleteWithRateOne()
    {
        var stock = new Dictionary<string, IReadOnlyList<StockLocation>>
        {
            ["A"] = [new("WH-A", "R1", "L1", 6), new("WH-B", null, null, 4)],
        };

        var kit = KitCalculator.Check([Need("A", 10)], stock);

        kit.Complete.ShouldBeTrue();
        kit.KitRate.ShouldBe(1m);
        kit.Lines.Single().Available.ShouldBe(10m);
        kit.Lines.Single().Locations.Count.ShouldBe(2);
    }

    [Fact]
    public void Check_PartialStock_ReportsShortageAndRate()
    {
        var stock = new Dictionary<string, IReadOnlyList<StockLocation>> { ["A"] = [new("WH-A", null, null, 3)], ["B"] = [new("WH-A", null, null, 50)] };

        var kit = KitCalculator.Check([Need("A", 10), Need("B", 5), Need("C", 1)], stock);

        kit.Complete.ShouldBeFalse();
        kit.KitRate.ShouldBe(0.3333m);
        kit.Shortages.Select(s => (s.Material, s.Shortage)).ShouldBe([("A", 7m), ("C", 1m)]);
    }

    [Fact]
    public void Check_StockInAnotherUnit_IsConverted_AndUnconvertibleStockDoesNotCount()
    {
        var stock = new Dictionary<string, IReadOnlyList<StockLocation>>
        {
            ["PASTE"] = [new("WH-A", "B1", "L1", 1.5m, Unit: "kg"), new("WH-A", "B2", "L2", 3m, Unit: "box")],
        };

        var kit = KitCalculator.Check([new MaterialLine { Material = "PASTE", Quantity = 1250, Unit = "g" }], stock);

        kit.Complete.ShouldBeTrue();
        kit.Lines.Single().Available.ShouldBe(1500m);
        kit.Lines.Single().Locations.Single().Location.ShouldBe("B1");
    }
}
