using System.Text;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>Writes an outbound body as CSV: one row per item of a top-level <c>each:</c> (or one row), a column per field.</summary>
internal static class CsvBodyWriter
{
    public static byte[] Write(OutNode body, EvalContext context, CsvOptions options, Encoding encoding)
    {
        var sb = new StringBuilder();
        var row = body is OutEach each ? (OutObject)each.Item : (OutObject)body;
        var columns = row.Members.Cast<OutValue>().ToArray();
        var delimiter = options.Delimiter.ToString();
        if (options.Header) sb.Append(string.Join(delimiter, columns.Select(c => Quote(c.Name, options.Delimiter)))).Append("\r\n");
        var rows = body is OutEach e ? OutEvaluator.Items(e, context, "body") : [context];
        var index = 0;
        foreach (var item in rows)
        {
            var i = index++;
            sb.Append(string.Join(delimiter, columns.Select(c => Quote(Values.ToText(OutEvaluator.Value(c, item, $"body[{i}].{c.Name}")) ?? "", options.Delimiter))));
            sb.Append("\r\n");
        }
        return encoding.GetBytes(sb.ToString());
    }

    private static string Quote(string text, char delimiter) =>
        text.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
