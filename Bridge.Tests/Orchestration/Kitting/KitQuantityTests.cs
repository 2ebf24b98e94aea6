using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Tests.Orchestration.Kitting;

/// <summary>Issue 13 points 5 and 8 on the pure kit arithmetic: merged requirements, units rounded once, clean rejections.</summary>
public class KitQuantityTests
{
    private static MaterialLine Need(string material, decimal quantity, string unit = "pcs") => new() { Material = material, Quantity = quantity, Unit = unit };

    private static Dictionary<string, IReadOnlyList<StockLocation>> Stock(params StockLocation[] locations) =>
        locations.GroupBy(_ => "A").ToDictionary(g => g.Key, g => (IReadOnlyList<StockLocation>)g.ToList());

    [Fact]
    public void MaterialListedTwice_IsOneLine_AgainstTheStockOnce()
    {
        var kit = KitCalculator.Check([Need("A", 10), Need("A", 10)], Stock(new StockLocation("WH-A", "R1", null, 15)));

        kit.Complete.ShouldBeFalse();
        kit.Lines.Single().ShouldSatisfyAllConditions(l => l.Required.ShouldBe(20m), l => l.Shortage.ShouldBe(5m));
        Should.Throw<InvalidOperationException>(() =>
            StockAllocator.Allocate([Need("A", 10), Need("A", 10)], Stock(new StockLocation("WH-A", "R1", null, 15)), new HashSet<string>()));
    }

    [Fact]
    public void FactorOfOneTwelfth_LeavesNoTinyShortage()
    {
        var kit = KitCalculator.Check([Need("A", 2, "box")], Stock(new StockLocation("WH-A", "R1", null, 24, Unit: "pcs")), PackSizeConverter.BoxOfTwelve);

        kit.Complete.ShouldBeTrue();
        kit.Lines.Single().Shortage.ShouldBe(0m);
    }

    [Fact]
    public void TwelveSinglePieces_CoverOneBox()
    {
        var pieces = Enumerable.Range(1, 12).Select(i => new StockLocation("WH-A", $"R{i}", null, 1, Unit: "pcs")).ToArray();

        KitCalculator.Check([Need("A", 1, "box")], Stock(pieces), PackSizeConverter.BoxOfTwelve).Complete.ShouldBeTrue();
        StockAllocator.Allocate([Need("A", 1, "box")], Stock(pieces), new HashSet<string>(), PackSizeConverter.BoxOfTwelve)
            .Sum(l => l.Quantity).ShouldBe(12m);
    }

    [Fact]
    public void PickInACountedUnit_IsRoundedUpOnceInThatUnit()
    {
        var lines = StockAllocator.Allocate([Need("A", 29)], Stock(new StockLocation("WH-A", "R1", null, 5, Unit: "box")), new HashSet<string>(), PackSizeConverter.BoxOfTwelve);

        lines.Single().ShouldSatisfyAllConditions(l => l.Quantity.ShouldBe(3m), l => l.Unit.ShouldBe("box"));
    }

    [Fact]
    public void StockAddingUpBeyondDecimal_IsAReasonNotAnOverflow()
    {
        var stock = Stock(new StockLocation("WH-A", "R1", null, decimal.MaxValue), new StockLocation("WH-B", "R1", null, decimal.MaxValue));

        Should.Throw<KitQuantityException>(() => KitCalculator.Check([Need("A", 1)], stock)).Message.ShouldContain("more than Bridge can count");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NonPositiveLine_IsAReason(int quantity)
    {
        Should.Throw<KitQuantityException>(() => KitCalculator.Check([Need("A", quantity)], Stock())).Message
            .ShouldBe($"line 1 (A): the quantity must be positive, was {quantity} pcs");
    }

    [Fact]
    public void OrderQuantityBeyondDecimal_IsAReason()
    {
        Should.Throw<KitQuantityException>(() => BomExplosion.Explode(
            [new BomLine { Material = "A", QuantityPer = 2, Unit = "pcs" }], decimal.MaxValue)).Message.ShouldContain("more of its components");
    }
}
