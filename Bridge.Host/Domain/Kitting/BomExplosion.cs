using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// Turns a BOM and an order quantity into gross material requirements: multi-level through phantoms,
/// scrap added per level, identical material/unit pairs summed, counted units rounded up to whole pieces.
/// </summary>
public static class BomExplosion
{
    public const int MaxDepth = 16;

    public static IReadOnlyList<MaterialLine> Explode(IReadOnlyList<BomLine> bom, decimal orderQuantity)
    {
        if (orderQuantity <= 0)
        {
            throw new KitQuantityException($"the order quantity must be positive, was {orderQuantity}");
        }

        var totals = new Dictionary<(string Material, string Unit), decimal>();
        var order = new List<(string Material, string Unit)>();
        try
        {
            Accumulate(bom, orderQuantity, depth: 0, totals, order);
        }
        catch (OverflowException)
        {
            throw new KitQuantityException($"an order quantity of {orderQuantity} needs more of its components than Bridge can count");
        }

        return order
            .Select(key => new MaterialLine
            {
                Material = key.Material,
                Unit = key.Unit,
                // Dividing by 1.000… drops trailing zeros: 15.45000 m reads 15.45 m on the way to the MES.
                Quantity = (CountedUnits.Contains(key.Unit) ? Math.Ceiling(totals[key]) : totals[key]) / 1.000000000000000000000000000000000m,
            })
            .ToList();
    }

    private static void Accumulate(
        IReadOnlyList<BomLine> lines,
        decimal parentQuantity,
        int depth,
        Dictionary<(string, string), decimal> totals,
        List<(string, string)> order)
    {
        if (depth >= MaxDepth)
        {
            throw new InvalidOperationException($"the BOM is nested deeper than {MaxDepth} levels; is a phantom its own component?");
        }

        foreach (var line in lines)
        {
            var quantity = parentQuantity * line.QuantityPer * (1m + line.ScrapPercent / 100m);
            if (line.IsPhantom)
            {
                Accumulate(line.Components, quantity, depth + 1, totals, order);
                continue;
            }

            var key = (line.Material, line.Unit);
            if (totals.TryGetValue(key, out var sum))
            {
                totals[key] = sum + quantity;
            }
            else
            {
                totals[key] = quantity;
                order.Add(key);
            }
        }
    }
}
