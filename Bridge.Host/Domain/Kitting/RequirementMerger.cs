using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// One requirement per material before any stock is counted: lines of the same material are summed in the unit of
/// its first line, so a material listed twice never counts the same stock twice.
/// </summary>
public static class RequirementMerger
{
    /// <exception cref="KitQuantityException">A quantity is not positive, a sum overflows, or a material's units do not convert.</exception>
    public static IReadOnlyList<MaterialLine> Merge(IReadOnlyList<MaterialLine> required, IUnitConverter units)
    {
        var merged = new List<MaterialLine>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < required.Count; i++)
        {
            var line = required[i];
            if (line.Quantity <= 0m)
            {
                throw new KitQuantityException($"line {i + 1} ({line.Material}): the quantity must be positive, was {line.Quantity} {line.Unit}");
            }

            if (!index.TryGetValue(line.Material, out var at))
            {
                index[line.Material] = merged.Count;
                merged.Add(new MaterialLine { Material = line.Material, Quantity = line.Quantity, Unit = line.Unit });
                continue;
            }

            var first = merged[at];
            if (!UnitMath.TryConvert(units, line.Material, line.Quantity, line.Unit, first.Unit, out var converted))
            {
                throw new KitQuantityException($"{line.Material} is required in {first.Unit} and in {line.Unit}, which do not convert into each other");
            }

            try
            {
                merged[at] = first with { Quantity = first.Quantity + converted };
            }
            catch (OverflowException)
            {
                throw new KitQuantityException($"the total required of {line.Material} is too large to work with");
            }
        }

        return merged;
    }
}
