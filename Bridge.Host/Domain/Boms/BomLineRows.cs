using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Boms;

/// <summary>A BOM carried inside an ERP message (a tree of <see cref="BomLine"/>, phantoms holding their components) as catalog rows.</summary>
public static class BomLineRows
{
    public static IReadOnlyList<BomComponent> From(string parent, IReadOnlyList<BomLine> lines, string? origin = null)
    {
        var rows = new List<BomComponent>();
        Add(parent, lines, origin, rows);
        return rows;
    }

    private static void Add(string parent, IReadOnlyList<BomLine> lines, string? origin, List<BomComponent> rows)
    {
        foreach (var line in lines)
        {
            rows.Add(new BomComponent
            {
                Parent = parent,
                Component = line.Material,
                QuantityPer = line.QuantityPer,
                Unit = line.Unit,
                ScrapPercent = line.ScrapPercent,
                IsPhantom = line.IsPhantom,
                Origin = origin,
            });
            if (line.IsPhantom)
            {
                Add(line.Material, line.Components, origin, rows);
            }
        }
    }
}
