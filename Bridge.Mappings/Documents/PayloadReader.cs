using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Bridge.Mappings.Tables;

namespace Bridge.Mappings.Documents;

/// <summary>
/// Parses a payload into what paths walk: a JSON element, an XML document (no DTDs, no external entities),
/// CSV rows as JSON objects keyed by the header (or col1, col2…), or a scalar text.
/// </summary>
internal sealed class PayloadReader(SourceFormat format, CsvOptions csv, Encoding encoding, int maxDepth = PayloadReader.DefaultMaxDepth)
{
    /// <summary>How deep an XML or JSON document may nest unless the mapping says <c>maxDepth:</c>.</summary>
    public const int DefaultMaxDepth = 256;

    public SourceFormat Format => format;

    /// <summary>The document root; <paramref name="owner"/> must be disposed after mapping.</summary>
    public object? Read(ReadOnlyMemory<byte> payload, out IDisposable? owner) => Read(payload, out owner, out _);

    /// <summary>The document root; <paramref name="positions"/> holds what errors need to name a CSV row.</summary>
    public object? Read(ReadOnlyMemory<byte> payload, out IDisposable? owner, out SourceDocument? positions)
    {
        owner = null;
        positions = null;
        switch (format)
        {
            case SourceFormat.Json:
            {
                if (payload.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) payload = payload[3..];
                var document = JsonDocument.Parse(payload, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = maxDepth });
                owner = document;
                return document.RootElement;
            }
            case SourceFormat.Xml:
                return ReadXml(payload);
            case SourceFormat.Csv:
            {
                var rows = new List<int>();
                var document = JsonDocument.Parse(CsvToJson(Decode(payload), rows));
                owner = document;
                positions = new SourceDocument(rows);
                return document.RootElement;
            }
            default:
                return Decode(payload).Trim();
        }
    }

    private XDocument ReadXml(ReadOnlyMemory<byte> payload)
    {
        using var reader = CreateXmlReader(payload);
        return XDocument.Load(reader, LoadOptions.None);
    }

    /// <summary>A reader over an XML payload: no DTD, no external entities, depth checked on every element.</summary>
    public XmlReader CreateXmlReader(ReadOnlyMemory<byte> payload)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true };
        var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(payload, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(payload.ToArray(), writable: false);
        return new DepthLimitedXmlReader(XmlReader.Create(stream, settings), maxDepth);
    }

    public int MaxDepth => maxDepth;

    private string Decode(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(span[3..]);
        return encoding.GetString(span);
    }

    /// <summary>
    /// Internal JSON, parsed right back: only what JSON itself needs is escaped (text is not escaped for HTML), so
    /// non-ASCII text is not six times its length.
    /// </summary>
    private static readonly JsonWriterOptions CsvJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A cell longer than this is written in segments of this many characters: the writer escapes a value in a buffer of
    /// six times its length from the shared pool, which keeps such a buffer (the large-object heap's, for a hostile
    /// megabyte cell) long after the document is gone. 4,096 characters escape in at most 48 KiB.
    /// </summary>
    public const int CellSegmentChars = 4096;

    /// <summary>The rows as a JSON array, written straight into one buffer sized from the text (JsonDocument keeps the memory it parses).</summary>
    private ReadOnlyMemory<byte> CsvToJson(string text, List<int> rowNumbers)
    {
        var rows = CsvParser.Parse(text, csv.Delimiter);
        string[] header;
        var first = 0;
        if (csv.Columns is { Count: > 0 } columns) header = [.. columns];
        else if (csv.Header && rows.Count > 0)
        {
            header = rows[0].Select(h => h.Trim()).ToArray();
            first = 1;
        }
        else header = Enumerable.Range(1, rows.Count == 0 ? 0 : rows.Max(r => r.Length)).Select(i => "col" + i).ToArray();
        if (csv.Header && csv.Columns is { Count: > 0 }) first = 1;
        // Sized from the text: each row gains its column names, quotes, colons and braces; a growth would be a copy.
        var perRow = header.Sum(h => h.Length + 6) + 2L;
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Array.MaxLength, 256 + text.Length + perRow * rows.Count));
        using (var writer = new Utf8JsonWriter(buffer, CsvJsonOptions))
        {
            writer.WriteStartArray();
            for (var r = first; r < rows.Count; r++)
            {
                var row = rows[r];
                if (row.Length == 1 && row[0].Length == 0) continue;
                rowNumbers.Add(r + 1);
                writer.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    var name = i < header.Length ? header[i] : "col" + (i + 1);
                    if (row[i].Length <= CellSegmentChars)
                    {
                        writer.WriteString(name, row[i]);
                        continue;
                    }
                    writer.WritePropertyName(name);
                    WriteInSegments(writer, row[i]);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenMemory;
    }

    private static void WriteInSegments(Utf8JsonWriter writer, string value)
    {
        ReadOnlySpan<char> rest = value;
        while (rest.Length > CellSegmentChars)
        {
            writer.WriteStringValueSegment(rest[..CellSegmentChars], isFinalSegment: false);
            rest = rest[CellSegmentChars..];
        }
        writer.WriteStringValueSegment(rest, isFinalSegment: true);
    }
}
