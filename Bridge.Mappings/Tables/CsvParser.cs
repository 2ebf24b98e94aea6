using System.Buffers;
using System.Text;

namespace Bridge.Mappings.Tables;

/// <summary>RFC 4180 CSV: quoted fields with doubled quotes, embedded delimiters and line breaks, CRLF or LF.</summary>
internal static class CsvParser
{
    public static List<string[]> Parse(string text, char delimiter = ',')
    {
        var source = new CsvCharSource(text);
        return Parse(ref source, delimiter, new List<string[]>());
    }

    /// <summary>
    /// The rows of encoded <paramref name="bytes"/>, decoded a slice at a time; the list is sized once from the line
    /// count, and repeated short cells share one string.
    /// </summary>
    public static List<string[]> Parse(ReadOnlySpan<byte> bytes, Encoding encoding, char delimiter)
    {
        var buffer = ArrayPool<char>.Shared.Rent(CsvCharSource.BufferFor(encoding));
        try
        {
            var source = new CsvCharSource(bytes, encoding, buffer);
            return Parse(ref source, delimiter, new List<string[]>(CsvCharSource.LinesIn(bytes)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static List<string[]> Parse(ref CsvCharSource source, char delimiter, List<string[]> rows)
    {
        var texts = new CsvCellTexts();
        var row = new List<string>();
        var field = new FieldChars();
        var quoted = false;
        var fieldStarted = false;
        while (source.TryRead(out var c))
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (source.TryPeek(out var next) && next == '"') { field.Append('"'); source.TryRead(out _); }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; fieldStarted = true; continue; }
            if (c == delimiter) { row.Add(field.Take(texts)); fieldStarted = true; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && source.TryPeek(out var next) && next == '\n') source.TryRead(out _);
                if (fieldStarted || field.Length > 0 || row.Count > 0)
                {
                    row.Add(field.Take(texts));
                    rows.Add([.. row]);
                }
                row.Clear();
                fieldStarted = false;
                continue;
            }
            field.Append(c);
            fieldStarted = true;
        }
        if (fieldStarted || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.Take(texts));
            rows.Add([.. row]);
        }
        return rows;
    }

    /// <summary>
    /// The field being read: in one small buffer reused for every field of the document, and beyond it in a
    /// StringBuilder, whose chunks stay small — a megabyte cell never needs a contiguous buffer doubled up to its size.
    /// </summary>
    private struct FieldChars()
    {
        private readonly char[] _chars = new char[1024];
        private int _used;
        private StringBuilder? _long;

        public readonly int Length => _used + (_long?.Length ?? 0);

        public void Append(char c)
        {
            if (_used == _chars.Length)
            {
                (_long ??= new StringBuilder()).Append(_chars);
                _used = 0;
            }
            _chars[_used++] = c;
        }

        /// <summary>The field's text, and an empty field after it.</summary>
        public string Take(CsvCellTexts texts)
        {
            string text;
            if (_long is { Length: > 0 } spilled)
            {
                text = spilled.Append(_chars, 0, _used).ToString();
                // Not Clear(): on a builder of many chunks it allocates one array of the whole capacity.
                _long = null;
            }
            else text = texts.Text(_chars.AsSpan(0, _used));
            _used = 0;
            return text;
        }
    }
}
