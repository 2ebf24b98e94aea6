using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bridge.Mappings.Documents;

/// <summary>
/// One CSV record as paths walk it: its cells by column name (<see cref="CsvColumns"/>), in column order, and its row
/// in the file (the header is row 1), which errors name. The cells are the parser's strings: nothing is copied.
/// </summary>
internal sealed class CsvRecord(CsvColumns columns, string[] cells, int row) : IReadOnlyDictionary<string, string>
{
    private static readonly JsonWriterOptions TextOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record's row in the file, counting the header as row 1 and not counting blank lines.</summary>
    public int Row => row;

    public int Count => cells.Length;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => Enumerable.Range(0, cells.Length).Select(columns.NameOf);

    public IEnumerable<string> Values => cells;

    public bool ContainsKey(string key) => columns.Find(key, cells.Length) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = columns.Find(key, cells.Length);
        value = index >= 0 ? cells[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < cells.Length; i++) yield return new(columns.NameOf(i), cells[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The record as a JSON object, as <c>text()</c> shows a JSON object.</summary>
    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, TextOptions))
        {
            writer.WriteStartObject();
            for (var i = 0; i < cells.Length; i++) writer.WriteString(columns.NameOf(i), cells[i]);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
