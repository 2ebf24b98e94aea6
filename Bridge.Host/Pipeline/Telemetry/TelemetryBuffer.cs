using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// The bounded local durable buffer of the telemetry path: append-only segment files (<c>00000001.seg</c>, …) of
/// length-prefixed, CRC-checked records, flushed to disk (fsync) once per appended batch, and a checkpoint file
/// naming the first record not yet forwarded (written to a temporary file, fsynced and renamed over the old one).
/// Records are read back in the order they were appended. A torn record at the end (a crash mid-append) is cut
/// off when the buffer is opened: it was never reported as appended, so nobody acknowledged it.
/// Not thread-safe: one forwarder owns it.
/// </summary>
public sealed class TelemetryBuffer : IDisposable
{
    private const int HeaderBytes = 8; // length + CRC32
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly SortedList<long, string> _segments = new();
    private readonly FileStream _lock;
    private FileStream? _writer;
    private long _writeSegment;
    private (long Segment, long Offset) _readPosition;
    private long _pendingBytes;
    private long _pendingRecords;

    public TelemetryBuffer(string directory, long maxBytes, long segmentBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _segmentBytes = segmentBytes;
        Directory.CreateDirectory(directory);
        try
        {
            _lock = new FileStream(Path.Combine(directory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"telemetry buffer '{Path.GetFullPath(directory)}' is in use by another Bridge process; give each its own Bridge:Telemetry:BufferDirectory", ex);
        }

        Open();
    }

    /// <summary>Records appended and not yet committed as forwarded.</summary>
    public long PendingRecords => _pendingRecords;

    public long PendingBytes => _pendingBytes;

    public bool IsEmpty => _pendingRecords == 0;

    /// <summary>Whether <paramref name="records"/> fit under the size limit.</summary>
    public bool HasRoomFor(IReadOnlyList<TelemetryRecord> records) => _pendingBytes + records.Sum(Size) <= _maxBytes;

    /// <summary>Appends the records and flushes them to disk; returns false (nothing written) when they do not fit.</summary>
    public bool TryAppend(IReadOnlyList<TelemetryRecord> records)
    {
        if (!HasRoomFor(records))
            return false;
        if (_writer is null || _writer.Length >= _segmentBytes)
            StartSegment(_writeSegment + 1);
        var buffer = new MemoryStream();
        Span<byte> header = stackalloc byte[HeaderBytes];
        foreach (var record in records)
        {
            var payload = Encode(record);
            BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
            buffer.Write(header);
            buffer.Write(payload);
        }

        _writer!.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        _writer.Flush(flushToDisk: true);
        _pendingBytes += buffer.Length;
        _pendingRecords += records.Count;
        return true;
    }

    /// <summary>Up to <paramref name="max"/> records from the first not yet forwarded, each with the position after it.</summary>
    public IReadOnlyList<(TelemetryRecord Record, (long Segment, long Offset) Next)> Peek(int max)
    {
        var records = new List<(TelemetryRecord, (long, long))>();
        var (segment, offset) = _readPosition;
        while (records.Count < max && _segments.TryGetValue(segment, out var path))
        {
            _writer?.Flush();
            using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                reader.Position = offset;
                while (records.Count < max && ReadRecord(reader) is { } record)
                    records.Add((record, (segment, reader.Position)));
            }

            if (records.Count >= max)
                break;
            var next = _segments.Keys.FirstOrDefault(k => k > segment);
            if (next == 0)
                break;
            (segment, offset) = (next, 0);
        }

        return records;
    }

    /// <summary>Marks everything before <paramref name="next"/> as forwarded: durable checkpoint, finished segments deleted.</summary>
    public void Commit((long Segment, long Offset) next, int records, long bytes)
    {
        var temporary = Path.Combine(_directory, "checkpoint.tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            file.Write(Encoding.ASCII.GetBytes($"{next.Segment} {next.Offset}"));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(_directory, "checkpoint"), overwrite: true);
        _readPosition = next;
        _pendingRecords -= records;
        _pendingBytes -= bytes;
        foreach (var old in _segments.Keys.Where(k => k < next.Segment).ToList())
        {
            File.Delete(_segments[old]);
            _segments.Remove(old);
        }
    }

    /// <summary>Bytes a record takes in a segment.</summary>
    public static long Size(TelemetryRecord record) => HeaderBytes + 16 + 2 + Encoding.UTF8.GetByteCount(record.Exchange) + record.Body.Length;

    private void Open()
    {
        foreach (var file in Directory.GetFiles(_directory, "*.seg"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), out var number))
                _segments[number] = file;
        }

        var checkpoint = Path.Combine(_directory, "checkpoint");
        _readPosition = _segments.Count == 0 ? (1, 0) : (_segments.Keys[0], 0);
        if (File.Exists(checkpoint) && File.ReadAllText(checkpoint).Split(' ') is [var s, var o] && long.TryParse(s, out var seg) && long.TryParse(o, out var off))
            _readPosition = (seg, off);

        // Count what is pending and cut a torn tail off the last segment.
        foreach (var (number, path) in _segments.ToList())
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            stream.Position = number == _readPosition.Segment ? _readPosition.Offset : 0;
            var start = stream.Position;
            if (number < _readPosition.Segment)
            {
                stream.Dispose();
                File.Delete(path);
                _segments.Remove(number);
                continue;
            }

            while (ReadRecord(stream) is not null)
                _pendingRecords++;
            _pendingBytes += stream.Position - start;
            if (stream.Position < stream.Length)
            {
                stream.SetLength(stream.Position);
                stream.Flush(flushToDisk: true);
            }
        }

        _writeSegment = _segments.Count == 0 ? Math.Max(0, _readPosition.Segment - 1) : _segments.Keys[^1];
        if (_segments.Count > 0)
        {
            _writer = new FileStream(_segments[_writeSegment], FileMode.Append, FileAccess.Write, FileShare.Read);
        }
    }

    private void StartSegment(long number)
    {
        _writer?.Dispose();
        _writeSegment = number;
        var path = Path.Combine(_directory, number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + ".seg");
        _segments[number] = path;
        _writer = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    private static TelemetryRecord? ReadRecord(FileStream stream)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (stream.Read(header) < HeaderBytes)
            return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length < 18 || length > stream.Length - stream.Position)
        {
            stream.Position -= HeaderBytes;
            return null;
        }

        var payload = new byte[length];
        stream.ReadExactly(payload);
        if (Crc32.HashToUInt32(payload) != crc)
        {
            stream.Position -= HeaderBytes + length;
            return null;
        }

        return Decode(payload);
    }

    private static byte[] Encode(TelemetryRecord record)
    {
        var exchange = Encoding.UTF8.GetBytes(record.Exchange);
        var payload = new byte[16 + 2 + exchange.Length + record.Body.Length];
        record.MessageId.TryWriteBytes(payload);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(16), (ushort)exchange.Length);
        exchange.CopyTo(payload.AsSpan(18));
        record.Body.Span.CopyTo(payload.AsSpan(18 + exchange.Length));
        return payload;
    }

    private static TelemetryRecord Decode(byte[] payload)
    {
        var id = new Guid(payload.AsSpan(0, 16));
        var exchangeLength = BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(16));
        var exchange = Encoding.UTF8.GetString(payload, 18, exchangeLength);
        return new TelemetryRecord(id, exchange, payload.AsMemory(18 + exchangeLength));
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _lock.Dispose();
    }
}
