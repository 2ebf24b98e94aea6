using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Bridge.Mappings.Tables;

namespace Bridge.Mappings.Documents;

/// <summary>
/// Parses a payload into what paths walk: a JSON element, an XML document (no DTDs, no external entities),
/// CSV records keyed by the header (or col1, col2…: <see cref="CsvRecord"/>), or a scalar text.
/// </summary>
internal sealed class PayloadReader(SourceFormat format, CsvOptions csv, Encoding encoding, int maxDepth = PayloadReader.DefaultMaxDepth)
{
    /// <summary>How deep an XML or JSON document may nest unless the mapping says <c>maxDepth:</c>.</summary>
    public const int DefaultMaxDepth = 256;

    public SourceFormat Format => format;

    /// <summary>The document root; <paramref name="owner"/> must be disposed after mapping.</summary>
    public object? Read(ReadOnlyMemory<byte> payload, out IDisposable? owner)
    {
        owner = null;
        switch (format)
        {
            case SourceFormat.Json:
            {
                if (payload.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) payload = payload[3..];
                var (document, dispose) = JsonPayloadParser.Parse(payload, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = maxDepth });
                // A large document's rows are left to the GC, not returned to the shared pool (JsonPayloadParser).
                owner = dispose ? document : null;
                return document.RootElement;
            }
            case SourceFormat.Xml:
                return ReadXml(payload);
            case SourceFormat.Csv:
                return ReadCsv(payload.Span);
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
    /// The records, keyed by the header's names (or the mapping's <c>columns:</c>, or col1, col2…) over the parser's own
    /// strings: no JSON in between, so a column's name is not repeated per row and no cell is copied or escaped.
    /// </summary>
    private List<object?> ReadCsv(ReadOnlySpan<byte> payload)
    {
        var rows = payload.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
            ? CsvParser.Parse(payload[3..], Encoding.UTF8, csv.Delimiter)
            : CsvParser.Parse(payload, encoding, csv.Delimiter);
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
        var names = new CsvColumns(header);
        var records = new List<object?>(Math.Max(0, rows.Count - first));
        for (var r = first; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length == 1 && row[0].Length == 0) continue;
            records.Add(new CsvRecord(names, row, r + 1));
        }
        return records;
    }
}
