using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary><c>gs1(scan)</c>: a GS1-128 / GS1 DataMatrix element string parsed into fields (see <see cref="Gs1ElementString"/>).</summary>
internal static class Gs1Functions
{
    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("gs1", "gs1(scan) — fields gtin, lot, expiry, serial, count, netWeightKg, e.g. let: { code: gs1(scan) } then $code.gtin", 1, 1, ExprType.Any, site =>
        {
            var value = site.Args[0].Eval;
            var source = site.ArgText(0);
            return c => value(c) is var v && !Values.IsMissing(v) ? Gs1ElementString.Parse(Values.ToText(v)!, source) : null;
        }));
    }
}
