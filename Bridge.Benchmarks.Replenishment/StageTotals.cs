using System.Diagnostics;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bridge.Host.Domain.LineSide;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>Adds up <see cref="LineSideStageMetrics"/>: time per stage over the run, batches and their signals.</summary>
internal sealed class StageTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _milliseconds = new(StringComparer.Ordinal);
    private long _batches;
    private long _signals;
    private long _first;
    private long _last;

    public StageTotals()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is LineSideStageMetrics.StageInstrument or LineSideStageMetrics.BatchInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage" && tag.Value is string stage)
                    _milliseconds.AddOrUpdate(stage, value, (_, total) => total + value);
            }
        });
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _signals, value);
            var now = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref _first, now, 0);
            Interlocked.Exchange(ref _last, now);
        });
        _listener.Start();
    }

    /// <summary>Signals applied by committed batches.</summary>
    public long Signals => Interlocked.Read(ref _signals);

    public long LastTimestamp => Interlocked.Read(ref _last);

    /// <summary>Wall time of every stage of every batch, in milliseconds.</summary>
    public double TotalMilliseconds => _milliseconds.Values.Sum();

    /// <summary>Seconds from the first committed batch to the last.</summary>
    public double Seconds => Stopwatch.GetElapsedTime(Interlocked.Read(ref _first), Interlocked.Read(ref _last)).TotalSeconds;

    public void Print(TextWriter output)
    {
        var signals = Math.Max(Interlocked.Read(ref _signals), 1);
        var batches = Math.Max(Interlocked.Read(ref _batches), 1);
        output.WriteLine($"batches         {batches} of {(double)signals / batches:0} signals on average");
        var total = _milliseconds.Values.Sum();
        foreach (var (stage, ms) in _milliseconds.OrderByDescending(s => s.Value))
            output.WriteLine($"  stage {stage,-10} {ms * 1000 / signals,8:0.0} µs per signal, {ms / batches,7:0.00} ms per batch, {ms / Math.Max(total, 1):P0}");
        output.WriteLine($"  stages total {total * 1000 / signals,8:0.0} µs per signal (wall time in the batch, not CPU)");
    }

    public void Dispose() => _listener.Dispose();
}
