using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Boms;

/// <summary>
/// A set of BOMs (rows of parent → component), checked once when built: no cycle. Materials are numbered so an
/// explosion walks arrays, not dictionaries. The BOM of a material is per one unit of its base unit: the one given
/// explicitly (<c>parent_unit</c>, <c>BomPublished.Unit</c>), else the unit of its first row as a component.
/// </summary>
public sealed class BomCatalog
{
    private readonly Dictionary<string, int> _index;
    private readonly string[] _names;
    private readonly string?[] _baseUnits;
    private readonly BomComponent[][] _rows;
    private readonly int[][] _children;

    /// <summary>The material numbers in ordinal name order: an explosion lists its leaves in this order without sorting them.</summary>
    private readonly int[] _byName;

    private BomCatalog(Dictionary<string, int> index, string[] names, string?[] baseUnits, BomComponent[][] rows, int[][] children)
    {
        _index = index;
        _names = names;
        _baseUnits = baseUnits;
        _rows = rows;
        _children = children;
        _byName = Enumerable.Range(0, names.Length).ToArray();
        Array.Sort(_byName, (a, b) => string.CompareOrdinal(names[a], names[b]));
    }

    public int RowCount => _rows.Sum(r => r.Length);

    /// <summary>Materials that have a BOM of their own.</summary>
    public IEnumerable<string> Parents => _names.Where((_, i) => _rows[i].Length > 0);

    public bool HasBom(string material) => _index.TryGetValue(material, out var i) && _rows[i].Length > 0;

    public IReadOnlyList<BomComponent> RowsOf(string material) => _index.TryGetValue(material, out var i) ? _rows[i] : [];

    /// <summary>The unit a material's BOM is per one of (null when it never appears as a component and none was given).</summary>
    public string? BaseUnitOf(string material) => _index.TryGetValue(material, out var i) ? _baseUnits[i] : null;

    /// <exception cref="BomException">The rows form a cycle (named <c>A → B → C → A</c>).</exception>
    public static BomCatalog Build(IEnumerable<BomComponent> rows, IReadOnlyDictionary<string, string>? baseUnits = null)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var units = new List<string?>();
        var byParent = new List<List<BomComponent>>();
        int Id(string material)
        {
            if (!index.TryGetValue(material, out var id))
            {
                id = names.Count;
                index[material] = id;
                names.Add(material);
                units.Add(baseUnits?.GetValueOrDefault(material));
                byParent.Add([]);
            }

            return id;
        }

        foreach (var row in rows)
        {
            byParent[Id(row.Parent)].Add(row);
            var child = Id(row.Component);
            units[child] ??= row.Unit;
        }

        var rowArrays = byParent.Select(r => r.ToArray()).ToArray();
        var children = rowArrays.Select(r => r.Select(c => index[c.Component]).ToArray()).ToArray();
        if (BomCycles.Find(children) is { } cycle)
        {
            throw new BomException("the BOM has a cycle: " + string.Join(" → ", cycle.Select(i => names[i])));
        }

        return new BomCatalog(index, names.ToArray(), units.ToArray(), rowArrays, children);
    }

    /// <summary>
    /// The summed requirements of <paramref name="quantity"/> (in the material's base unit) of <paramref name="material"/>
    /// on <paramref name="at"/>: per material, in its base unit, sorted by material; decimal arithmetic, exact up to its
    /// 28 significant digits (<see cref="ExplodeExact"/> keeps every digit).
    /// </summary>
    /// <exception cref="BomException">No BOM, a phantom without components that day, a unit that does not convert, a sum too large.</exception>
    public IReadOnlyList<MaterialLine> Explode(string material, decimal quantity, DateOnly at, BomScope scope = BomScope.Leaves, IUnitConverter? units = null)
    {
        var leaf = Walk<decimal, DecimalBomArithmetic>(material, quantity, at, scope, units);
        var result = new List<MaterialLine>();
        foreach (var i in _byName)
        {
            if (leaf[i] != 0m)
            {
                result.Add(new MaterialLine { Material = _names[i], Quantity = UnitMath.Normalize(leaf[i]), Unit = _baseUnits[i]! });
            }
        }

        return result;
    }

    /// <summary>
    /// <see cref="Explode"/> with every digit kept (up to <see cref="ExactDecimal.MostDecimals"/> places): what a by-hand
    /// explosion gives. It refuses what <see cref="Explode"/> refuses, a sum too large for the engine included.
    /// </summary>
    public IReadOnlyList<ExactMaterialLine> ExplodeExact(string material, decimal quantity, DateOnly at, BomScope scope = BomScope.Leaves, IUnitConverter? units = null)
    {
        var engine = Walk<decimal, DecimalBomArithmetic>(material, quantity, at, scope, units);
        var leaf = Walk<ExactDecimal, ExactBomArithmetic>(material, quantity, at, scope, units);
        var result = new List<ExactMaterialLine>();
        foreach (var i in _byName)
        {
            if (!leaf[i].IsZero)
            {
                var rounded = !leaf[i].TryToDecimal(out var exact) || exact != engine[i];
                result.Add(new ExactMaterialLine(_names[i], leaf[i], _baseUnits[i]!, rounded));
            }
        }

        return result;
    }

    /// <summary>Each edge valid on the day once, in topological order; the leaves' sums, indexed by material number.</summary>
    private T[] Walk<T, TMath>(string material, decimal quantity, DateOnly at, BomScope scope, IUnitConverter? units)
        where TMath : struct, IBomArithmetic<T>
    {
        units ??= StandardUnitConverter.Instance;
        if (!_index.TryGetValue(material, out var top) || _rows[top].Length == 0)
        {
            throw new BomException($"no BOM for material '{material}'");
        }

        if (quantity <= 0m)
        {
            throw new BomException($"the quantity of {material} must be positive, was {quantity}");
        }

        var valid = new sbyte[_names.Length];
        var order = TopologicalOrder(top, at, scope, valid);
        var explode = new T[_names.Length];
        var leaf = new T[_names.Length];
        explode[top] = TMath.From(quantity);
        try
        {
            foreach (var node in order)
            {
                var parentQuantity = explode[node];
                var rows = _rows[node];
                var children = _children[node];
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = rows[r];
                    if (!row.IsValidOn(at))
                    {
                        continue;
                    }

                    var child = children[r];
                    var needed = Convert<T, TMath>(row, child, TMath.Times(TMath.Times(parentQuantity, row.QuantityPer), 1m + row.ScrapPercent / 100m), units);
                    if (Expands(row, child, at, scope, valid))
                    {
                        explode[child] = TMath.Add(explode[child], needed);
                    }
                    else
                    {
                        leaf[child] = TMath.Add(leaf[child], needed);
                    }
                }
            }
        }
        catch (OverflowException)
        {
            throw new BomException($"{quantity} of {material} needs more of its components than Bridge can count");
        }

        return leaf;
    }

    private T Convert<T, TMath>(BomComponent row, int child, T quantity, IUnitConverter units)
        where TMath : struct, IBomArithmetic<T>
    {
        var to = _baseUnits[child]!;
        if (ReferenceEquals(row.Unit, to) || string.Equals(row.Unit, to, StringComparison.OrdinalIgnoreCase))
        {
            return quantity;
        }

        if (TMath.TryConvert(units, row.Component, quantity, row.Unit, to, out var converted))
        {
            return converted;
        }

        throw new BomException($"no unit conversion for material '{row.Component}' from '{row.Unit}' to '{to}'{Where(row)}");
    }

    /// <param name="valid">Per node, 0 not yet known, 1 has rows valid on the day, -1 has none.</param>
    private bool Expands(BomComponent row, int child, DateOnly at, BomScope scope, sbyte[] valid)
    {
        if (valid[child] == 0)
        {
            valid[child] = HasValidRows(child, at) ? (sbyte)1 : (sbyte)-1;
        }

        var hasComponents = valid[child] > 0;
        if (row.IsPhantom && !hasComponents)
        {
            throw new BomException($"phantom '{row.Component}' under '{row.Parent}' has no components valid on {at:yyyy-MM-dd}{Where(row)}");
        }

        return scope == BomScope.Leaves ? hasComponents : row.IsPhantom;
    }

    private bool HasValidRows(int node, DateOnly at)
    {
        foreach (var row in _rows[node])
        {
            if (row.IsValidOn(at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nodes to explode, each after every parent that feeds it (reverse post-order of a depth-first walk).</summary>
    private List<int> TopologicalOrder(int top, DateOnly at, BomScope scope, sbyte[] valid)
    {
        var visited = new bool[_names.Length];
        var post = new List<int>();
        var path = new Stack<(int Node, int Next)>();
        visited[top] = true;
        path.Push((top, 0));
        while (path.Count > 0)
        {
            var (node, next) = path.Pop();
            if (next == _rows[node].Length)
            {
                post.Add(node);
                continue;
            }

            path.Push((node, next + 1));
            var row = _rows[node][next];
            var child = _children[node][next];
            if (!visited[child] && row.IsValidOn(at) && Expands(row, child, at, scope, valid))
            {
                visited[child] = true;
                path.Push((child, 0));
            }
        }

        post.Reverse();
        return post;
    }

    private static string Where(BomComponent row) => row.Origin is null ? "" : $" ({row.Origin})";
}
