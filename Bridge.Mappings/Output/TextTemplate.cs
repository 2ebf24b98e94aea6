using System.Text;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>
/// Text with <c>{expression}</c> holes (<c>{{</c> and <c>}}</c> for literal braces), e.g. an address or a header value.
/// In addresses each hole is percent-encoded, so a value cannot add path segments, topic levels or wildcards.
/// </summary>
internal sealed class TextTemplate
{
    private readonly (string? Literal, CompiledExpr? Expr)[] _parts;
    private readonly bool _urlEncode;

    private TextTemplate((string?, CompiledExpr?)[] parts, bool urlEncode)
    {
        _parts = parts;
        _urlEncode = urlEncode;
    }

    /// <summary>A template without holes.</summary>
    public static TextTemplate Literal(string text) => new(text.Length == 0 ? [] : [(text, null)], urlEncode: false);

    /// <summary>Parses; reports problems through <paramref name="error"/> (offset in the template text).</summary>
    public static TextTemplate? Compile(string text, bool urlEncode, Func<string, int, CompiledExpr?> compile, CompileError error)
    {
        var parts = new List<(string?, CompiledExpr?)>();
        var literal = new StringBuilder();
        var failed = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}')
            {
                error(i, "unmatched '}' in template; write '}}' for a literal brace");
                failed = true;
                continue;
            }
            if (c != '{') { literal.Append(c); continue; }
            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                error(i, "'{' is not closed with '}' in template");
                return null;
            }
            if (literal.Length > 0) { parts.Add((literal.ToString(), null)); literal.Clear(); }
            var expr = compile(text[(i + 1)..close], i + 1);
            if (expr is null) failed = true;
            else parts.Add((null, expr));
            i = close;
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), null));
        return failed ? null : new TextTemplate([.. parts], urlEncode);
    }

    /// <summary>The text when the template has no holes, else null.</summary>
    public string? Constant => _parts.Length == 0 ? "" : _parts is [(string literal, null)] ? literal : null;

    public string Render(EvalContext context, string field)
    {
        var sb = new StringBuilder();
        foreach (var (literal, expr) in _parts)
        {
            if (literal is not null)
            {
                sb.Append(literal);
                continue;
            }
            object? value;
            try
            {
                value = expr!.Eval(context);
            }
            catch (MappingRuntimeException ex)
            {
                throw new MappingRuntimeException(ex.Message, ex.SourcePath ?? expr!.Text, ex.Value, field);
            }
            var text = Values.ToText(value) ?? throw new MappingRuntimeException($"'{expr.Text}' is missing, so the {field} cannot be built", expr.Text, null, field);
            sb.Append(_urlEncode ? EscapeSegment(text) : text);
        }
        return sb.ToString();
    }

    // '.' is unreserved, so EscapeDataString leaves "." and ".." as they are; a URI resolver would then move up a path.
    private static string EscapeSegment(string text) => text is "." or ".." ? text.Replace(".", "%2E", StringComparison.Ordinal) : Uri.EscapeDataString(text);
}
