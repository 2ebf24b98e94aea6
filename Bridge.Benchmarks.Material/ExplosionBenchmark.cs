using Bridge.Host.Domain.Boms;

namespace Bridge.Benchmarks.Material;

/// <summary>
/// A 10,000-node, 6-level BOM (levels of 1, 5, 25, 125, 1,250 and 8,594 materials; every node under one parent, one
/// node in ten also under a second one: shared parts; one level-2 node in five a phantom; scrap on every row) exploded
/// to its leaves. The catalog is built once, as the host keeps it; building it is reported too.
/// </summary>
internal static class ExplosionBenchmark
{
    private static readonly int[] LevelSizes = [1, 5, 25, 125, 1250, 8594];

    public static string Run(int rounds)
    {
        var rows = Rows();
        BomCatalog? catalog = null;
        var build = Timing.Measure(rounds, () => catalog = BomCatalog.Build(rows));
        var day = new DateOnly(2026, 12, 1);
        var leaves = 0;
        var explode = Timing.Measure(rounds, () => leaves = catalog!.Explode("L0-0", 12m, day).Count);
        var nodes = LevelSizes.Sum();
        return Timing.Line($"BOM explosion, {nodes:N0} nodes / {rows.Count:N0} rows, 6 levels → {leaves:N0} leaves", explode, "(target < 5 ms)")
            + Environment.NewLine + Timing.Line("  building its catalog (once per BOM load)", build, "");
    }

    private static List<BomComponent> Rows()
    {
        var rows = new List<BomComponent>();
        var random = new Random(10);
        for (var level = 1; level < LevelSizes.Length; level++)
        {
            var parents = LevelSizes[level - 1];
            for (var i = 0; i < LevelSizes[level]; i++)
            {
                var child = $"L{level}-{i}";
                rows.Add(Row($"L{level - 1}-{i % parents}", child, level, random));
                if (i % 10 == 0 && parents > 1)
                {
                    rows.Add(Row($"L{level - 1}-{(i + 1) % parents}", child, level, random));
                }
            }
        }

        return rows;
    }

    private static BomComponent Row(string parent, string child, int level, Random random) => new()
    {
        Parent = parent,
        Component = child,
        QuantityPer = random.Next(1, 9) / 4m,
        Unit = "kg",
        ScrapPercent = random.Next(0, 5) * 0.5m,
        IsPhantom = level == 2 && random.Next(5) == 0,
    };
}
