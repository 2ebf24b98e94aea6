using System.Text.RegularExpressions;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>String functions. A missing input gives a missing result, so <c>required</c> and <c>??</c> still see it.</summary>
internal static class TextFunctions
{
    private static readonly ExprType[] NumberArgs = [ExprType.Any, ExprType.Number, ExprType.Number];

    public static void Register(Action<FunctionDef> add)
    {
        add(Unary("string", "string(x)", s => s));
        add(Unary("upper", "upper(text)", s => s.ToUpperInvariant()));
        add(Unary("lower", "lower(text)", s => s.ToLowerInvariant()));
        add(Unary("trim", "trim(text)", s => s.Trim()));
        add(TrimWith("trimStart", (s, chars) => chars is null ? s.TrimStart() : s.TrimStart(chars)));
        add(TrimWith("trimEnd", (s, chars) => chars is null ? s.TrimEnd() : s.TrimEnd(chars)));
        add(new FunctionDef("substring", "substring(text, start, length?)", 2, 3, ExprType.String, Substring, ArgTypes: NumberArgs));
        add(new FunctionDef("left", "left(text, count)", 2, 2, ExprType.String, site => Cut(site, (s, n) => s[..Math.Min(n, s.Length)]), ArgTypes: NumberArgs));
        add(new FunctionDef("right", "right(text, count)", 2, 2, ExprType.String, site => Cut(site, (s, n) => s[Math.Max(0, s.Length - n)..]), ArgTypes: NumberArgs));
        add(new FunctionDef("replace", "replace(text, find, replacement)", 3, 3, ExprType.String, site =>
        {
            var (t, f, r) = (site.Args[0].Eval, site.Args[1].Eval, site.Args[2].Eval);
            return c => Values.ToText(t(c)) is { } s ? s.Replace(Values.ToText(f(c)) ?? "", Values.ToText(r(c)) ?? "", StringComparison.Ordinal) : null;
        }));
        add(new FunctionDef("concat", "concat(a, b, ...)", 1, int.MaxValue, ExprType.String, site =>
        {
            var parts = site.Args.Select(a => a.Eval).ToArray();
            return c => string.Concat(parts.Select(p => Values.ToText(p(c))));
        }));
        add(new FunctionDef("join", "join(items, separator)", 2, 2, ExprType.String, site =>
        {
            var (items, separator) = (site.Args[0].All, site.Args[1].Eval);
            return c => string.Join(Values.ToText(separator(c)) ?? "", items(c).Select(Values.ToText));
        }, [ArgKind.Nodes, ArgKind.Value]));
        add(new FunctionDef("split", "split(text, separator, index?)", 2, 3, ExprType.Any, Split));
        add(Pad("padLeft", (s, n, ch) => s.PadLeft(n, ch)));
        add(Pad("padRight", (s, n, ch) => s.PadRight(n, ch)));
        add(Test("contains", (s, x) => s.Contains(x, StringComparison.Ordinal)));
        add(Test("startsWith", (s, x) => s.StartsWith(x, StringComparison.Ordinal)));
        add(Test("endsWith", (s, x) => s.EndsWith(x, StringComparison.Ordinal)));
        add(new FunctionDef("length", "length(text)", 1, 1, ExprType.Number, site =>
        {
            var t = site.Args[0].Eval;
            return c => Values.ToText(t(c)) is { } s ? (decimal)s.Length : null;
        }));
        add(new FunctionDef("matches", "matches(text, 'regular expression')", 2, 2, ExprType.Bool, Matches));
    }

    private static FunctionDef Unary(string name, string signature, Func<string, string> op) =>
        new(name, signature, 1, 1, ExprType.String, site =>
        {
            var arg = site.Args[0].Eval;
            return c => Values.ToText(arg(c)) is { } s ? op(s) : null;
        });

    private static FunctionDef TrimWith(string name, Func<string, char[]?, string> op) =>
        new(name, $"{name}(text, characters?)", 1, 2, ExprType.String, site =>
        {
            var arg = site.Args[0].Eval;
            var chars = site.Args.Length > 1 ? site.Args[1].Eval : null;
            return c => Values.ToText(arg(c)) is { } s ? op(s, chars is null ? null : Values.ToText(chars(c))?.ToCharArray()) : null;
        });

    private static Func<EvalContext, object?> Substring(CallSite site)
    {
        var (text, start) = (site.Args[0].Eval, site.Args[1].Eval);
        var length = site.Args.Length > 2 ? site.Args[2].Eval : null;
        var (startText, lengthText) = (site.ArgText(1), site.Args.Length > 2 ? site.ArgText(2) : null);
        return c =>
        {
            if (Values.ToText(text(c)) is not { } s) return null;
            var from = Math.Clamp((int)Values.ToDecimal(start(c), startText), 0, s.Length);
            var count = length is null ? s.Length - from : Math.Clamp((int)Values.ToDecimal(length(c), lengthText), 0, s.Length - from);
            return s.Substring(from, count);
        };
    }

    private static Func<EvalContext, object?> Cut(CallSite site, Func<string, int, string> op)
    {
        var (text, count) = (site.Args[0].Eval, site.Args[1].Eval);
        var countText = site.ArgText(1);
        return c => Values.ToText(text(c)) is { } s ? op(s, Math.Max(0, (int)Values.ToDecimal(count(c), countText))) : null;
    }

    private static Func<EvalContext, object?> Split(CallSite site)
    {
        var (text, separator) = (site.Args[0].Eval, site.Args[1].Eval);
        var index = site.Args.Length > 2 ? site.Args[2].Eval : null;
        var indexText = site.Args.Length > 2 ? site.ArgText(2) : null;
        return c =>
        {
            if (Values.ToText(text(c)) is not { } s) return null;
            var parts = s.Split(Values.ToText(separator(c)) ?? ",");
            if (index is null) return parts.Select(p => (object?)p).ToList();
            var i = (int)Values.ToDecimal(index(c), indexText);
            if (i < 0) i += parts.Length;
            return i >= 0 && i < parts.Length ? parts[i] : null;
        };
    }

    private static FunctionDef Pad(string name, Func<string, int, char, string> op) =>
        new(name, $"{name}(text, width, character?)", 2, 3, ExprType.String, site =>
        {
            var (text, width) = (site.Args[0].Eval, site.Args[1].Eval);
            var ch = site.Args.Length > 2 ? site.Args[2].Eval : null;
            var widthText = site.ArgText(1);
            return c =>
            {
                if (Values.ToText(text(c)) is not { } s) return null;
                var pad = ch is null ? ' ' : (Values.ToText(ch(c)) is { Length: > 0 } p ? p[0] : ' ');
                return op(s, (int)Values.ToDecimal(width(c), widthText), pad);
            };
        }, ArgTypes: NumberArgs);

    private static FunctionDef Test(string name, Func<string, string, bool> op) =>
        new(name, $"{name}(text, part)", 2, 2, ExprType.Bool, site =>
        {
            var (text, part) = (site.Args[0].Eval, site.Args[1].Eval);
            return c => Values.Box(Values.ToText(text(c)) is { } s && Values.ToText(part(c)) is { } p && op(s, p));
        });

    private static Func<EvalContext, object?> Matches(CallSite site)
    {
        var text = site.Args[0].Eval;
        if (site.Args[1] is not { IsConstant: true, Constant: string pattern })
        {
            site.ErrorAt(1, "matches() takes its regular expression as a quoted literal");
            return _ => null;
        }
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            site.ErrorAt(1, $"invalid regular expression '{pattern}': {ex.Message}");
            return _ => null;
        }
        return c => Values.Box(Values.ToText(text(c)) is { } s && regex.IsMatch(s));
    }
}
