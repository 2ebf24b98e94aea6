using System.Globalization;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>Decimal parsing (invariant, or an explicit culture) and arithmetic helpers. Never double.</summary>
internal static class NumberFunctions
{
    private static readonly ExprType[] Numbers = [ExprType.Number];

    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("number", "number(text, culture?) e.g. number(qty, 'de-DE')", 1, 2, ExprType.Number, Parse));
        add(new FunctionDef("decimal", "decimal(text, culture?)", 1, 2, ExprType.Number, Parse));
        add(new FunctionDef("int", "int(x)", 1, 1, ExprType.Number, site =>
        {
            var arg = Number(site, 0);
            return c => arg(c) is decimal d ? decimal.Truncate(d) : null;
        }));
        add(new FunctionDef("round", "round(x, digits?) (half away from zero)", 1, 2, ExprType.Number, site =>
        {
            var arg = Number(site, 0);
            var digits = site.Args.Length > 1 ? Number(site, 1) : null;
            return c => arg(c) is decimal d ? Math.Round(d, digits is null ? 0 : (int)(decimal)digits(c)!, MidpointRounding.AwayFromZero) : null;
        }, ArgTypes: Numbers));
        add(Map("floor", decimal.Floor));
        add(Map("ceiling", decimal.Ceiling));
        add(Map("abs", Math.Abs));
        add(Fold("min", Math.Min));
        add(Fold("max", Math.Max));
        add(new FunctionDef("sum", "sum(items)", 1, 1, ExprType.Number, site =>
        {
            var items = site.Args[0].All;
            var text = site.ArgText(0);
            return c => items(c).Sum(v => Values.ToDecimal(v, text));
        }, [ArgKind.Nodes]));
        add(new FunctionDef("count", "count(items)", 1, 1, ExprType.Number, site =>
        {
            var items = site.Args[0].All;
            return c => (decimal)items(c).Count;
        }, [ArgKind.Nodes]));
        add(new FunctionDef("format", "format(number, '0.000')", 2, 2, ExprType.String, site =>
        {
            var value = Number(site, 0);
            var format = site.Args[1].Eval;
            return c => value(c) is decimal d ? d.ToString(Values.ToText(format(c)), CultureInfo.InvariantCulture) : null;
        }, ArgTypes: Numbers));
    }

    /// <summary>The argument as a decimal (null when missing); a non-number is a runtime error naming the argument.</summary>
    public static Func<EvalContext, object?> Number(CallSite site, int index)
    {
        var arg = site.Args[index].Eval;
        var text = site.ArgText(index);
        return c => arg(c) is { } v && !Values.IsMissing(v) ? Values.ToDecimal(v, text) : null;
    }

    private static Func<EvalContext, object?> Parse(CallSite site)
    {
        var arg = site.Args[0].Eval;
        var text = site.ArgText(0);
        if (site.Args.Length == 1) return Number(site, 0);
        if (site.Args[1] is not { IsConstant: true, Constant: string cultureName })
        {
            site.ErrorAt(1, $"{site.Name}() takes its culture as a quoted name such as 'de-DE'");
            return _ => null;
        }
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            site.ErrorAt(1, $"unknown culture '{cultureName}'; expected a name such as 'de-DE', 'en-US' or '' for invariant");
            return _ => null;
        }
        return c =>
        {
            var value = arg(c);
            if (value is decimal d) return d;
            var s = Values.ToText(value)?.Trim();
            if (string.IsNullOrEmpty(s)) return null;
            if (decimal.TryParse(s, NumberStyles.Number, culture, out var parsed)) return parsed;
            throw new MappingRuntimeException($"expected a number in culture '{culture.Name}' (decimal separator '{culture.NumberFormat.NumberDecimalSeparator}'), got '{ValueText.Show(s)}'", text, s);
        };
    }

    private static FunctionDef Map(string name, Func<decimal, decimal> op) =>
        new(name, $"{name}(x)", 1, 1, ExprType.Number, site =>
        {
            var arg = Number(site, 0);
            return c => arg(c) is decimal d ? op(d) : null;
        }, ArgTypes: Numbers);

    private static FunctionDef Fold(string name, Func<decimal, decimal, decimal> op) =>
        new(name, $"{name}(a, b, ...)", 1, int.MaxValue, ExprType.Number, site =>
        {
            var args = Enumerable.Range(0, site.Args.Length).Select(i => Number(site, i)).ToArray();
            return c =>
            {
                decimal? result = null;
                foreach (var arg in args)
                {
                    if (arg(c) is decimal d) result = result is null ? d : op(result.Value, d);
                }
                return result;
            };
        }, ArgTypes: Numbers);
}
