using System.Numerics;
using Bridge.Host.Domain.Boms;
using CsCheck;

namespace Bridge.Tests.Boms;

/// <summary>
/// Random layered BOMs (up to 5 levels, shared parts, phantoms, scrap) exploded by the catalog (each edge once, in
/// topological order) equal a naive path-by-path decimal recursion to the last digit.
/// </summary>
public class BomExplosionProperties
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static readonly Gen<BomComponent[]> GenBom =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 5], Gen.Int[0, 1000], Gen.Int[0, 1_000_000].Array[60],
            (levels, width, seed, dice) =>
            {
                var rows = new List<BomComponent>();
                var k = 0;
                int Next(int n) => dice[k++ % dice.Length] % n;
                for (var level = 0; level < levels; level++)
                {
                    var parents = level == 0 ? new[] { "TOP" } : Enumerable.Range(0, width).Select(i => $"L{level}-{i}").ToArray();
                    foreach (var parent in parents)
                    {
                        for (var c = 0; c < 1 + Next(3); c++)
                        {
                            var child = level + 1 == levels ? $"LEAF-{Next(4)}" : $"L{level + 1}-{Next(width)}";
                            rows.Add(new BomComponent
                            {
                                Parent = parent, Component = child, Unit = "kg",
                                QuantityPer = new[] { 1m, 2m, 0.5m, 0.25m, 3m }[Next(5)],
                                ScrapPercent = new[] { 0m, 5m, 2.5m, 10m }[Next(4)],
                                IsPhantom = level + 1 < levels && Next(2) == 0,
                            });
                        }
                    }
                }

                return rows.ToArray();
            });

    [Fact]
    public void Explode_EqualsTheNaivePathRecursion()
    {
        GenBom.Sample(rows =>
        {
            var catalog = BomCatalog.Build(rows);
            var byParent = rows.ToLookup(r => r.Parent);
            var naive = new Dictionary<string, decimal>();
            void Walk(string material, decimal quantity)
            {
                foreach (var row in byParent[material])
                {
                    var q = quantity * row.QuantityPer * (1m + row.ScrapPercent / 100m);
                    if (byParent[row.Component].Any()) Walk(row.Component, q);
                    else naive[row.Component] = naive.GetValueOrDefault(row.Component) + q;
                }
            }

            Walk("TOP", 7m);
            var exploded = catalog.Explode("TOP", 7m, Day).ToDictionary(l => l.Material, l => l.Quantity);
            exploded.Count.ShouldBe(naive.Count);
            foreach (var (material, quantity) in naive) exploded[material].ShouldBe(quantity, material);
        }, iter: 300);
    }

    /// <summary>
    /// Deeper BOMs (up to 9 levels) with factors of many decimals, so sums pass decimal's 28 digits: the exact explosion
    /// equals a path-by-path recursion over BigInteger fractions (numerator / 10^places) built from the decimals' text.
    /// </summary>
    [Fact]
    public void ExplodeExact_EqualsAPathRecursionOverBigIntegers()
    {
        var deep = Gen.Select(Gen.Int[5, 9], Gen.Int[0, 1_000_000].Array[80], (levels, dice) =>
        {
            var rows = new List<BomComponent>();
            var k = 0;
            int Next(int n) => dice[k++ % dice.Length] % n;
            for (var level = 0; level < levels; level++)
            {
                var parents = level == 0 ? new[] { "TOP" } : Enumerable.Range(0, 2).Select(i => $"L{level}-{i}").ToArray();
                foreach (var parent in parents)
                {
                    for (var c = 0; c < 1 + Next(2); c++)
                    {
                        rows.Add(new BomComponent
                        {
                            Parent = parent, Component = level + 1 == levels ? $"LEAF-{Next(3)}" : $"L{level + 1}-{Next(2)}", Unit = "kg",
                            QuantityPer = new[] { 1.125m, 0.333m, 7m, 0.0625m, 1.0001m }[Next(5)],
                            ScrapPercent = new[] { 0m, 2.5m, 3.3m }[Next(3)],
                        });
                    }
                }
            }

            return rows.ToArray();
        });

        deep.Sample(rows =>
        {
            var byParent = rows.ToLookup(r => r.Parent);
            var reference = new Dictionary<string, (BigInteger Numerator, int Places)>();
            static (BigInteger, int) Parse(decimal value)
            {
                var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var point = text.IndexOf('.');
                return point < 0 ? (BigInteger.Parse(text), 0) : (BigInteger.Parse(text.Remove(point, 1)), text.Length - point - 1);
            }

            static (BigInteger, int) Times((BigInteger N, int P) a, (BigInteger N, int P) b) => (a.N * b.N, a.P + b.P);
            void Walk(string material, (BigInteger, int) quantity)
            {
                foreach (var row in byParent[material])
                {
                    var q = Times(Times(quantity, Parse(row.QuantityPer)), Parse(1m + row.ScrapPercent / 100m));
                    if (byParent[row.Component].Any()) Walk(row.Component, q);
                    else if (reference.TryGetValue(row.Component, out var sum))
                    {
                        var places = Math.Max(sum.Places, q.Item2);
                        reference[row.Component] = (sum.Numerator * BigInteger.Pow(10, places - sum.Places) + q.Item1 * BigInteger.Pow(10, places - q.Item2), places);
                    }
                    else reference[row.Component] = q;
                }
            }

            Walk("TOP", Parse(3m));
            var exploded = BomCatalog.Build(rows).ExplodeExact("TOP", 3m, Day).ToDictionary(l => l.Material, l => l.Quantity);
            exploded.Count.ShouldBe(reference.Count);
            foreach (var (material, (numerator, places)) in reference)
            {
                var quantity = exploded[material];
                (quantity.Significand * BigInteger.Pow(10, places - quantity.Scale)).ShouldBe(numerator, material);
            }
        }, iter: 200);
    }
}
