using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Tests.Orchestration.Kitting;

public class BomExplosionTests
{
    private static BomLine Line(string material, decimal per, string unit, decimal scrap = 0) =>
        new() { Material = material, QuantityPer = per, Unit = unit, ScrapPercent = scrap };

    [Fact]
    public void Explode_MultipliesByOrderQuantityAndAddsScrap()
    {
        var lines = BomExplosion.Explode([Line("A-100", 2.5m, "kg", scrap: 4), Line("B-200", 3, "pcs")], 10);

        lines.Count.ShouldBe(2);
        lines[0].ShouldBe(new MaterialLine { Material = "A-100", Quantity = 26.0m, Unit = "kg" });
        lines[1].Quantity.ShouldBe(30m);
    }

    [Fact]
    public void Explode_CountedUnitsAreRoundedUpToWholePieces()
    {
        var lines = BomExplosion.Explode([Line("SCREW", 1, "pcs", scrap: 2.5m)], 7);

        // 7 × 1.025 = 7.175 pieces → 8
        lines.Single().Quantity.ShouldBe(8m);
    }

    [Fact]
    public void Explode_PhantomIsExplodedThroughWithItsOwnScrap()
    {
        var phantom = new BomLine
        {
            Material = "SUB-1", QuantityPer = 2, Unit = "pcs", ScrapPercent = 10, IsPhantom = true,
            Components = [Line("C-1", 0.5m, "kg"), Line("A-100", 1, "kg")],
        };

        var lines = BomExplosion.Explode([Line("A-100", 1, "kg"), phantom], 4);

        // phantom: 4 × 2 × 1.1 = 8.8 sub-assemblies; A-100: 4 + 8.8 = 12.8 kg; C-1: 4.4 kg; SUB-1 itself is not picked
        lines.Select(l => (l.Material, l.Quantity)).ShouldBe([("A-100", 12.8m), ("C-1", 4.4m)]);
    }

    [Fact]
    public void Explode_SameMaterialInDifferentUnitsStaysApart()
    {
        var lines = BomExplosion.Explode([Line("X", 1, "kg"), Line("X", 100, "g")], 2);

        lines.Select(l => (l.Unit, l.Quantity)).ShouldBe([("kg", 2m), ("g", 200m)]);
    }

    [Fact]
    public void Explode_NonPositiveQuantity_Throws()
    {
        Should.Throw<KitQuantityException>(() => BomExplosion.Explode([Line("X", 1, "kg")], 0));
    }

    [Fact]
    public void Explode_CyclicPhantom_ThrowsInsteadOfRecursingForever()
    {
        var components = new List<BomLine>();
        var cyclic = new BomLine { Material = "P", QuantityPer = 1, Unit = "pcs", IsPhantom = true, Components = components };
        components.Add(cyclic);

        Should.Throw<InvalidOperationException>(() => BomExplosion.Explode([cyclic], 1)).Message.ShouldContain("deeper than");
    }
}
