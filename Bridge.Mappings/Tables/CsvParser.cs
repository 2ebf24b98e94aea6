using System.Text;

namespace Bridge.Mappings.Tables;

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes, embedded delimiters and line breaks, CRLF or LF.</summary>
internal static class CsvParser
{
    public static List<string[]> Parse(string text, char delimiter = ',')
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; fieldStarted = true; continue; }
            if (c == delimiter) { row.Add(field.ToString()); field.Clear(); fieldStarted = true; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (fieldStarted || field.Length > 0 || row.Count > 0)
                {
                    row.Add(field.ToString());
                    rows.Add([.. row]);
                }
                row.Clear();
                field.Clear();
                fieldStarted = false;
                continue;
            }
            field.Append(c);
            fieldStarted = true;
        }
        if (fieldStarted || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }
}
