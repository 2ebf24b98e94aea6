namespace Bridge.Mappings.Units;

/// <summary>
/// Units, their aliases (KGM, ST, EA…) and per-material packaging factors. A conversion goes through
/// same-dimension factors and material equivalences, in as many hops as needed (pallet → box → pcs → g → kg).
/// </summary>
internal sealed class UnitTable
{
    public static readonly UnitTable Empty = new([], new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<PackagingFactor>>());

    private readonly Dictionary<string, UnitDefinition> _units;
    private readonly Dictionary<string, string> _aliases;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<PackagingFactor>> _materials;

    public UnitTable(IEnumerable<UnitDefinition> units, IReadOnlyDictionary<string, string> aliases, IReadOnlyDictionary<string, IReadOnlyList<PackagingFactor>> materials)
    {
        _units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _aliases = new Dictionary<string, string>(aliases, StringComparer.OrdinalIgnoreCase);
        foreach (var code in _units.Keys) _aliases.TryAdd(code, code);
        _materials = materials;
    }

    public bool IsEmpty => _units.Count == 0;

    /// <summary>The canonical code of a unit or alias, or null when unknown.</summary>
    public string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        return _aliases.TryGetValue(code.Trim(), out var canonical) ? canonical : null;
    }

    public bool TryConvert(decimal quantity, string from, string to, string? material, out decimal result, out string? problem)
    {
        result = 0;
        var fromCode = Normalize(from) ?? from.Trim();
        var toCode = Normalize(to) ?? to.Trim();
        if (fromCode == toCode)
        {
            result = quantity;
            problem = null;
            return true;
        }
        var factor = FindFactor(fromCode, toCode, material);
        if (factor is null)
        {
            problem = $"no conversion from unit '{from}' to unit '{to}'" + (material is null ? "" : $" for material '{material}'") +
                      " in units.yaml (same-dimension units or material packaging factors)";
            return false;
        }
        result = quantity * factor.Value;
        problem = null;
        return true;
    }

    private decimal? FindFactor(string from, string to, string? material)
    {
        // Breadth-first over units: an edge is a same-dimension factor or a packaging factor of the material.
        var factors = new Dictionary<string, decimal>(StringComparer.Ordinal) { [from] = 1m };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        var packaging = material is not null && _materials.TryGetValue(material, out var list) ? list : [];
        while (queue.Count > 0)
        {
            var unit = queue.Dequeue();
            var here = factors[unit];
            foreach (var (next, step) in Neighbours(unit, packaging))
            {
                if (factors.ContainsKey(next)) continue;
                factors[next] = here * step;
                if (next == to) return factors[next];
                queue.Enqueue(next);
            }
        }
        return null;
    }

    private IEnumerable<(string Unit, decimal Factor)> Neighbours(string unit, IReadOnlyList<PackagingFactor> packaging)
    {
        if (_units.TryGetValue(unit, out var definition))
        {
            foreach (var other in _units.Values)
            {
                if (other.Dimension == definition.Dimension && other.Code != unit) yield return (other.Code, definition.Factor / other.Factor);
            }
        }
        foreach (var p in packaging)
        {
            var pUnit = Normalize(p.Unit) ?? p.Unit;
            var pOf = Normalize(p.Of) ?? p.Of;
            if (pUnit == unit) yield return (pOf, p.Quantity);
            if (pOf == unit) yield return (pUnit, 1m / p.Quantity);
        }
    }
}
