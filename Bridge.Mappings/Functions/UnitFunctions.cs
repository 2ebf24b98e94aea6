using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>Unit codes and conversions from config/units.yaml.</summary>
internal static class UnitFunctions
{
    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("unit", "unit(code) — the canonical unit code of a code or alias (KGM → kg)", 1, 1, ExprType.String, site =>
        {
            var code = site.Args[0].Eval;
            var source = site.ArgText(0);
            var units = site.Units;
            if (units.IsEmpty) site.ErrorAt(0, "unit() needs config/units.yaml, which was not found");
            if (site.Args[0] is { IsConstant: true, Constant: string literal } && units.Normalize(literal) is null && !units.IsEmpty)
            {
                site.ErrorAt(0, $"unknown unit '{literal}' (not a unit or alias in units.yaml)");
            }
            return c =>
            {
                var value = code(c);
                if (Values.IsMissing(value)) return null;
                var text = Values.ToText(value)!;
                return units.Normalize(text) ?? throw new MappingRuntimeException($"unknown unit '{text}' (not a unit or alias in units.yaml)", source, text);
            };
        }));
        add(new FunctionDef("convert", "convert(quantity, from, to, material?)", 3, 4, ExprType.Number, site =>
        {
            var quantity = NumberFunctions.Number(site, 0);
            var (from, to) = (site.Args[1].Eval, site.Args[2].Eval);
            var material = site.Args.Length > 3 ? site.Args[3].Eval : null;
            var source = site.ArgText(0);
            var units = site.Units;
            return c =>
            {
                if (quantity(c) is not decimal q) return null;
                var fromUnit = Values.ToText(from(c)) ?? throw new MappingRuntimeException("convert(): the unit to convert from is missing", site.ArgText(1));
                var toUnit = Values.ToText(to(c)) ?? throw new MappingRuntimeException("convert(): the unit to convert to is missing", site.ArgText(2));
                var materialCode = material is null ? null : Values.ToText(material(c));
                if (units.TryConvert(q, fromUnit, toUnit, materialCode, out var result, out var problem)) return result;
                throw new MappingRuntimeException(problem!, source, $"{q} {fromUnit}");
            };
        }, ArgTypes: [ExprType.Number, ExprType.String]));
    }
}
