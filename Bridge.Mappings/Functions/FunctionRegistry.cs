namespace Bridge.Mappings.Functions;

/// <summary>Every built-in function. There is no way to add code from YAML: this list is the whole language.</summary>
internal static class FunctionRegistry
{
    private static readonly Dictionary<string, FunctionDef> Functions = Build();

    public static IEnumerable<FunctionDef> All => Functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out FunctionDef def) => Functions.TryGetValue(name, out def!);

    public static string? Suggest(string name)
    {
        var match = Functions.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match;
        // The nearest name by edit distance (a swapped pair counts once): trimStrat → trimStart, not trim.
        var best = Functions.Keys.Select(k => (Name: k, Distance: EditDistance.Between(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal).First();
        return best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    private static Dictionary<string, FunctionDef> Build()
    {
        var all = new Dictionary<string, FunctionDef>(StringComparer.Ordinal);
        void Add(FunctionDef def) => all.Add(def.Name, def);
        TextFunctions.Register(Add);
        NumberFunctions.Register(Add);
        DateFunctions.Register(Add);
        LogicFunctions.Register(Add);
        NodeFunctions.Register(Add);
        LookupFunctions.Register(Add);
        UnitFunctions.Register(Add);
        Gs1Functions.Register(Add);
        return all;
    }
}
