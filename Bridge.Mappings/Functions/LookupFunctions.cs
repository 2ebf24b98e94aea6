using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;
using Bridge.Mappings.Tables;

namespace Bridge.Mappings.Functions;

/// <summary>Code cross-reference and status-word maps. A miss names the table and the key unless a default applies.</summary>
internal static class LookupFunctions
{
    private static readonly ArgKind[] Kinds = [ArgKind.Name, ArgKind.Value, ArgKind.Value];

    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("lookup", "lookup(table, key, default?)", 2, 3, ExprType.String, site => Build(site, site.Tables, "table", "tables:"), Kinds));
        add(new FunctionDef("status", "status(map, word, default?)", 2, 3, ExprType.String, site => Build(site, site.Statuses, "status map", "statuses:"), Kinds));
    }

    private static Func<EvalContext, object?> Build(CallSite site, IReadOnlyDictionary<string, LookupTable> tables, string what, string section)
    {
        var name = site.ArgNames[0];
        if (!tables.TryGetValue(name, out var table))
        {
            var known = tables.Count == 0 ? $"none is declared under {section}" : "declared: " + string.Join(", ", tables.Keys);
            site.ErrorAt(0, $"unknown {what} '{name}' ({known})");
            return _ => null;
        }
        var key = site.Args[1].Eval;
        var source = site.ArgText(1);
        var fallback = site.Args.Length > 2 ? site.Args[2].Eval : null;
        return c =>
        {
            var value = key(c);
            if (Values.IsMissing(value)) return null;
            var text = Values.ToText(value)!.Trim();
            if (table.TryGet(text, out var found)) return found;
            if (fallback is not null) return fallback(c);
            if (table.Default is not null) return table.Default;
            throw new MappingRuntimeException($"{what} '{table.Name}' ({table.Source}) has no entry for key '{text}'", source, text);
        };
    }
}
