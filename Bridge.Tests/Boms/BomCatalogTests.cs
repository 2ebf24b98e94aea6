using Bridge.Contracts.Model;
using Bridge.Host.Domain.Boms;
using Bridge.Tests.Orchestration.Kitting;

namespace Bridge.Tests.Boms;

public class BomCatalogTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static BomComponent Row(string parent, string component, decimal per, string unit = "pcs", decimal scrap = 0m, bool phantom = false,
        DateOnly? from = null, DateOnly? to = null) =>
        new() { Parent = parent, Component = component, QuantityPer = per, Unit = unit, ScrapPercent = scrap, IsPhantom = phantom, ValidFrom = from, ValidTo = to };

    [Fact]
    public void Explode_ThreeLevelsWithPhantomAndSharedPart_SumsLeavesWithScrapPerLevel()
    {
        var catalog = BomCatalog.Build(
        [
            Row("BIKE", "FRAME", 1, scrap: 2),
            Row("BIKE", "WHEEL-SET", 1, phantom: true),
            Row("BIKE", "SCREW", 10),
            Row("WHEEL-SET", "WHEEL", 2, scrap: 5),
            Row("WHEEL", "SCREW", 4, scrap: 10),
            Row("WHEEL", "RIM", 1),
            Row("FRAME", "TUBE", 2.5m, "m", scrap: 4),
        ]);

        var lines = catalog.Explode("BIKE", 3m, Today);

        // By hand: SCREW 3×10 + 3×1×2×1.05×4×1.10 = 30 + 27.72; RIM 3×2×1.05 = 6.3; TUBE 3×1.02×2.5×1.04 = 7.956.
        lines.ShouldBe(
        [
            new MaterialLine { Material = "RIM", Quantity = 6.3m, Unit = "pcs" },
            new MaterialLine { Material = "SCREW", Quantity = 57.72m, Unit = "pcs" },
            new MaterialLine { Material = "TUBE", Quantity = 7.956m, Unit = "m" },
        ]);
    }

    [Fact]
    public void Explode_PhantomScope_StopsAtMadeSubAssemblies()
    {
        var catalog = BomCatalog.Build([Row("A", "SUB", 2), Row("A", "PH", 1, phantom: true), Row("PH", "X", 3), Row("SUB", "Y", 5)]);

        catalog.Explode("A", 1m, Today, BomScope.Phantoms).Select(l => (l.Material, l.Quantity)).ShouldBe([("SUB", 2m), ("X", 3m)]);
        catalog.Explode("A", 1m, Today).Select(l => (l.Material, l.Quantity)).ShouldBe([("X", 3m), ("Y", 10m)]);
    }

    [Fact]
    public void Explode_ValidityDates_PickTheRowsValidOnTheDay()
    {
        var catalog = BomCatalog.Build(
        [
            Row("A", "OLD", 1, to: new DateOnly(2026, 11, 30)),
            Row("A", "NEW", 1, from: new DateOnly(2026, 12, 1)),
            Row("A", "ALWAYS", 1),
        ]);

        catalog.Explode("A", 1m, new DateOnly(2026, 11, 30)).Select(l => l.Material).ShouldBe(["ALWAYS", "OLD"]);
        catalog.Explode("A", 1m, new DateOnly(2026, 12, 1)).Select(l => l.Material).ShouldBe(["ALWAYS", "NEW"]);
    }

    [Fact]
    public void Build_Cycle_IsRefusedWithTheCycleNamed()
    {
        var error = Should.Throw<BomException>(() => BomCatalog.Build([Row("X", "A", 1), Row("A", "B", 1), Row("B", "C", 1), Row("C", "A", 1)]));

        error.Message.ShouldBe("the BOM has a cycle: A → B → C → A");
    }

    [Fact]
    public void Explode_AlternativeUnits_ConvertThroughTheMaterialsPackSize()
    {
        // SUB's BOM is per pcs (its first use); a box of SUB holds 12.
        var catalog = BomCatalog.Build([Row("A", "SUB", 1, "pcs"), Row("B", "SUB", 2, "box"), Row("TOP", "A", 1), Row("TOP", "B", 1), Row("SUB", "X", 0.5m, "kg")]);

        var lines = catalog.Explode("TOP", 1m, Today, units: PackSizeConverter.BoxOfTwelve);

        lines.ShouldBe([new MaterialLine { Material = "X", Quantity = 12.5m, Unit = "kg" }]);
    }

    [Fact]
    public void Explode_MissingUnitConversion_NamesTheMaterialAndBothUnits()
    {
        var catalog = BomCatalog.Build([Row("A", "GLUE", 1, "kg"), Row("A", "GLUE", 2, "pcs") with { Origin = "bom.csv:3" }]);

        var error = Should.Throw<BomException>(() => catalog.Explode("A", 1m, Today));

        error.Message.ShouldBe("no unit conversion for material 'GLUE' from 'pcs' to 'kg' (bom.csv:3)");
    }

    [Fact]
    public void Explode_PhantomWithoutValidComponents_IsNamed()
    {
        var catalog = BomCatalog.Build([Row("A", "PH", 1, phantom: true), Row("PH", "X", 1, to: new DateOnly(2020, 1, 1))]);

        Should.Throw<BomException>(() => catalog.Explode("A", 1m, Today)).Message.ShouldBe("phantom 'PH' under 'A' has no components valid on 2026-12-01");
    }

    [Fact]
    public void Explode_UnknownMaterial_SaysThereIsNoBom() =>
        Should.Throw<BomException>(() => BomCatalog.Build([Row("A", "X", 1)]).Explode("X", 1m, Today)).Message.ShouldBe("no BOM for material 'X'");

    [Fact]
    public void Explode_InlineErpBom_MatchesTheOrderExplosion()
    {
        BomLine[] bom =
        [
            new() { Material = "A-100", QuantityPer = 1, Unit = "kg" },
            new() { Material = "SUB-1", QuantityPer = 2, Unit = "pcs", ScrapPercent = 10, IsPhantom = true,
                Components = [new() { Material = "C-1", QuantityPer = 0.5m, Unit = "kg" }, new() { Material = "A-100", QuantityPer = 1, Unit = "kg" }] },
        ];

        var lines = BomCatalog.Build(BomLineRows.From("FG", bom)).Explode("FG", 4m, Today);

        lines.ShouldBe(Bridge.Host.Domain.Kitting.BomExplosion.Explode(bom, 4m).OrderBy(l => l.Material, StringComparer.Ordinal).ToList());
    }
}
