using System.Text.Json;

namespace Bridge.Mappings.Documents;

/// <summary>
/// Parses a JSON payload into a <see cref="JsonDocument"/> without handing the shared pool an array larger than
/// <see cref="PooledLimitBytes"/>. System.Text.Json keeps a document's rows (12 bytes a token) in an array it rents
/// from <c>ArrayPool&lt;byte&gt;.Shared</c> — the payload's size at first (1 MiB for payloads of 1–4 MiB), doubled
/// while more rows are needed — and <c>Dispose</c> returns it there, where it stays (one per size per thread, up to 32
/// per size per core) until a gen2 collection finds it unused for long enough. Heap dumps of the fault suite's R4
/// (issue 12) found exactly these arrays alive after a full compacting collection: tens of MB of 128 KiB–4 MiB rows of
/// hostile documents (nesting 10,000–500,000 levels deep, refused at depth 256), a different amount at every pass.
/// So:
/// <list type="bullet">
/// <item>the payload is read once with <see cref="Utf8JsonReader"/> (same options, nothing allocated) to count its
/// tokens; a payload that is not JSON fails there, with the reader's own exception, before anything is rented;</item>
/// <item>a document whose rows or payload reach <see cref="PooledLimitBytes"/> is not disposed: its rows are left to
/// the GC. When its tokens are denser than its payload could hold rows for, it is parsed from a copy padded with
/// spaces to the rows' size, so System.Text.Json rents once instead of growing (each growth returns the smaller array).</item>
/// </list>
/// What Bridge's JSON parsing leaves in the shared pool is then arrays of at most 16 KiB.
/// </summary>
internal static class JsonPayloadParser
{
    /// <summary>The largest array a disposable document may have rented: 16 KiB (a payload or rows under it).</summary>
    public const int PooledLimitBytes = 16 * 1024;

    /// <summary>System.Text.Json's row: location, length, token type and row count, 12 bytes.</summary>
    private const int RowBytes = 12;

    /// <summary>First rents for payloads in (1 MiB, 4 MiB] are 1 MiB (System.Text.Json's MetadataDb.CreateRented).</summary>
    private const int CappedFrom = 1024 * 1024;

    private const int CappedTo = 4 * 1024 * 1024;

    /// <summary>The document, and whether to dispose it (true only when everything it rented is small).</summary>
    public static (JsonDocument Document, bool Dispose) Parse(ReadOnlyMemory<byte> payload, JsonDocumentOptions options)
    {
        // A token takes at least one byte, so a payload this small cannot have rows past the limit: no counting pass
        // (most messages — a request, a confirmation — are a few hundred bytes).
        if ((payload.Length + 2L) * RowBytes <= PooledLimitBytes)
        {
            return (JsonDocument.Parse(payload, options), true);
        }

        var rows = RowsOf(payload.Span, options);
        // One row more than the tokens, as System.Text.Json never lets its array fill completely.
        var rowBytes = (rows + 1) * RowBytes;
        if (payload.Length + RowBytes <= PooledLimitBytes && rowBytes <= PooledLimitBytes)
        {
            return (JsonDocument.Parse(payload, options), true);
        }

        return (JsonDocument.Parse(FirstRent(payload.Length) >= rowBytes ? payload : Padded(payload, rowBytes), options), false);
    }

    /// <summary>The tokens of the payload (a row each); throws what <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> would.</summary>
    private static long RowsOf(ReadOnlySpan<byte> payload, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.CommentHandling,
            MaxDepth = options.MaxDepth,
        });
        long rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

    /// <summary>How many bytes System.Text.Json asks the pool for first, for a payload of this length.</summary>
    private static long FirstRent(int payloadLength)
    {
        long first = payloadLength + RowBytes;
        return first is > CappedFrom and <= CappedTo ? CappedFrom : first;
    }

    /// <summary>The payload followed by spaces, long enough that the first rent holds every row.</summary>
    private static ReadOnlyMemory<byte> Padded(ReadOnlyMemory<byte> payload, long rowBytes)
    {
        var length = Math.Max(rowBytes, payload.Length);
        if (length + RowBytes is > CappedFrom and <= CappedTo) length = CappedTo;
        var padded = new byte[checked((int)length)];
        payload.Span.CopyTo(padded);
        padded.AsSpan(payload.Length).Fill((byte)' ');
        return padded;
    }
}
