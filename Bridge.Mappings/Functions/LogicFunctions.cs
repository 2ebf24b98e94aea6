using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>Conditionals, defaults and presence checks.</summary>
internal static class LogicFunctions
{
    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("if", "if(condition, then, else?)", 2, 3, ExprType.Any, site =>
        {
            var (condition, then) = (site.Args[0].Eval, site.Args[1].Eval);
            var otherwise = site.Args.Length > 2 ? site.Args[2].Eval : (_ => null);
            return c => Values.Truthy(condition(c)) ? then(c) : otherwise(c);
        }));
        add(new FunctionDef("coalesce", "coalesce(a, b, ...) — the first that is not missing", 1, int.MaxValue, ExprType.Any, site =>
        {
            var args = site.Args.Select(a => a.Eval).ToArray();
            return c =>
            {
                foreach (var arg in args)
                {
                    var value = arg(c);
                    if (!Values.IsMissing(value)) return value;
                }
                return null;
            };
        }));
        add(new FunctionDef("default", "default(x, fallback)", 2, 2, ExprType.Any, site =>
        {
            var (value, fallback) = (site.Args[0].Eval, site.Args[1].Eval);
            return c => value(c) is var v && !Values.IsMissing(v) ? v : fallback(c);
        }));
        add(new FunctionDef("fallback", "fallback(x, default) — like x ?? default, but a default used is a warning on the result", 2, 2, ExprType.Any, site =>
        {
            var (value, fallback) = (site.Args[0].Eval, site.Args[1].Eval);
            var source = site.ArgText(0);
            var defaultText = site.ArgText(1);
            return c =>
            {
                var v = value(c);
                if (!Values.IsMissing(v)) return v;
                var used = fallback(c);
                c.Warn($"'{source}' is missing; used the default {defaultText} = '{Values.Display(used)}'");
                return used;
            };
        }));
        add(new FunctionDef("required", "required(x, 'message'?)", 1, 2, ExprType.Any, site =>
        {
            var value = site.Args[0].Eval;
            var source = site.Args[0].IsConstant ? null : site.ArgText(0);
            var message = site.Args.Length > 1 && site.Args[1] is { IsConstant: true, Constant: string m } ? m : $"'{source}' is required but missing or empty";
            return c => value(c) is var v && !Values.IsMissing(v) ? v : throw new MappingRuntimeException(message, source, v is null ? null : Values.Display(v));
        }));
        add(new FunctionDef("exists", "exists(path)", 1, 1, ExprType.Bool, site =>
        {
            var items = site.Args[0].All;
            return c => Values.Box(items(c).Count > 0);
        }, [ArgKind.Nodes]));
        add(new FunctionDef("empty", "empty(x)", 1, 1, ExprType.Bool, site =>
        {
            var value = site.Args[0].Eval;
            return c => Values.Box(Values.IsMissing(value(c)));
        }));
        add(new FunctionDef("in", "in(x, a, b, ...) — true when x equals one of the values", 2, int.MaxValue, ExprType.Bool, site =>
        {
            var value = site.Args[0].Eval;
            var options = site.Args.Skip(1).Select(a => a.Eval).ToArray();
            return c =>
            {
                var v = value(c);
                return Values.Box(options.Any(o => Values.ValueEquals(v, o(c))));
            };
        }));
        add(new FunctionDef("bool", "bool(x) — true/false, 1/0, yes/no, y/n, x/blank", 1, 1, ExprType.Bool, site =>
        {
            var value = site.Args[0].Eval;
            var source = site.ArgText(0);
            return c => value(c) switch
            {
                null => null,
                bool b => Values.Box(b),
                var v => Values.ToText(v)?.Trim().ToLowerInvariant() switch
                {
                    "true" or "1" or "yes" or "y" or "x" => Values.True,
                    "false" or "0" or "no" or "n" or "" => Values.False,
                    var other => throw new MappingRuntimeException($"expected true/false, 1/0, yes/no or X/blank, got '{ValueText.Show(other)}'", source, other),
                },
            };
        }));
    }
}
