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

    /// <summary>The field being read, in one buffer reused for every field of the document.</summary>
    private struct FieldChars()
    {
        private char[] _chars = new char[256];

        public int Length { get; private set; }

        public void Append(char c)
        {
            if (Length == _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
            _chars[Length++] = c;
        }

        /// <summary>The field's text, and an empty field after it.</summary>
        public string Take(CsvCellTexts texts)
        {
            var text = texts.Text(_chars.AsSpan(0, Length));
            Length = 0;
            return text;
        }
    }
}
