using System.Globalization;

namespace Bridge.Faults.Flood;

/// <summary>
/// Reads the host's memory log (<c>Bridge:Diagnostics:MemoryLog</c>, one CSV line a second) a segment at a time: what
/// the GC committed and kept beside the resident memory while one mapping's payloads went in, so a step in RSS can be
/// told apart as GC-committed (free regions kept), live heap, or native memory outside the GC.
/// </summary>
public sealed class HostMemoryLog(string path)
{
    private long _offset;

    public string Path { get; } = path;

    /// <summary>The peaks of the lines written since the last call, and the last line's heap figures; null when none.</summary>
    public string? NextSegment()
    {
        if (!File.Exists(Path)) return null;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var rows = new List<double[]>();
        string? line;
        long consumed = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            consumed += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
            var cells = line.Split(',');
            if (cells.Length < 11 || cells[0] == "at") continue;
            rows.Add(cells[1..11].Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray());
        }
        _offset += consumed;
        if (rows.Count == 0) return null;
        // Columns after "at": rss, committed, heap, fragmented, gen0, gen1, gen2, loh, poh, allocated.
        var last = rows[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS max {rows.Max(r => r[0]):0} MB, GC committed max {rows.Max(r => r[1]):0} MB (RSS − committed max {rows.Max(r => r[0] - r[1]):0}); "
            + $"last GC: heap {last[2]:0}, fragmented {last[3]:0}, gen2 {last[6]:0}, LOH {last[7]:0} MB; allocated {last[9] - rows[0][9]:0} MB in the segment");
    }

    /// <summary>
    /// The host's floor once the shared array pool has trimmed what it keeps per thread: a floor right away, then
    /// another after <paramref name="poolIdle"/> with the host idle. <c>ArrayPool&lt;byte&gt;.Shared</c> keeps the last
    /// array of each size a thread returned (System.Text.Json's document rows, RabbitMQ.Client's bodies, serializer
    /// buffers: up to 1 MiB each) and drops it at a gen2 collection 30 s or more after one first saw it there — a cache
    /// the runtime lets go of, whose size depends on which threads met large payloads last, not memory a payload left
    /// behind. Both floors are returned; the second is the one to judge growth by.
    /// </summary>
    public async Task<(MemoryFloor? Immediate, MemoryFloor? Settled)> SettledFloorAsync(TimeSpan timeout, TimeSpan poolIdle, CancellationToken ct)
    {
        var immediate = await FloorAsync(timeout, ct);
        if (immediate is null) return (null, null);
        await Task.Delay(poolIdle, ct);
        return (immediate, await FloorAsync(timeout, ct));
    }

    /// <summary>
    /// Asks the host for a full compacting collection (a request file beside its log, <c>MemoryLog.CollectRequestOf</c>)
    /// and returns the line written after it: RSS and heap with nothing collectable left. Null when the host did not
    /// answer within <paramref name="timeout"/>.
    /// </summary>
    public async Task<MemoryFloor?> FloorAsync(TimeSpan timeout, CancellationToken ct)
    {
        var offset = File.Exists(Path) ? new FileInfo(Path).Length : 0;
        await File.WriteAllTextAsync(Path + ".collect", "", ct);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            await Task.Delay(250, ct);
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                // Columns: at, rss, committed, heap, …, full_gc last.
                var cells = line.Split(',');
                if (cells.Length < 18 || cells[^1] != "1") continue;
                return new MemoryFloor(double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[3], CultureInfo.InvariantCulture));
            }
        }
        return null;
    }
}

