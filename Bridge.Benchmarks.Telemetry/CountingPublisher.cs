using Bridge.Host.Pipeline.Telemetry;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>Passes batches to the real publisher and counts them: how full the pipeline's batches are in the run.</summary>
internal sealed class CountingPublisher(ITelemetryPublisher inner) : ITelemetryPublisher
{
    private long _batches;
    private long _records;

    public Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _records, records.Count);
        return inner.SendAsync(records, mayReconnect, ct);
    }

    public double RecordsPerBatch => Interlocked.Read(ref _records) / (double)Math.Max(1, Interlocked.Read(ref _batches));
}
