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
        return match ?? Functions.Keys.FirstOrDefault(k => k.StartsWith(name[..Math.Min(3, name.Length)], StringComparison.OrdinalIgnoreCase));
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
        return all;
    }
}
