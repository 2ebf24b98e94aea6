using Bridge.Host.Pipeline.Telemetry;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>Passes batches to the real publisher and counts them: how full the pipeline's batches are in the run, and how big its messages.</summary>
internal sealed class CountingPublisher(ITelemetryPublisher inner) : ITelemetryPublisher
{
    private long _batches;
    private long _records;
    private long _bytes;

    public Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _records, records.Count);
        var bytes = 0L;
        foreach (var record in records)
            bytes += record.Body.Length;
        Interlocked.Add(ref _bytes, bytes);
        return inner.SendAsync(records, mayReconnect, ct);
    }

    public double RecordsPerBatch => Interlocked.Read(ref _records) / (double)Math.Max(1, Interlocked.Read(ref _batches));

    public double BytesPerRecord => Interlocked.Read(ref _bytes) / (double)Math.Max(1, Interlocked.Read(ref _records));
}
