using System.Diagnostics;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>
/// A reading of a subscriber's counters: values received so far, CPU used so far, when; in-process runtime counters
/// (Bridge only); changes found missing in the items' sequences so far.
/// </summary>
internal readonly record struct Sample(long Values, TimeSpan Cpu, long Timestamp, RuntimeCounters? Runtime, long Missed)
{
    /// <summary>Allocation and GC between two readings, when the subscriber is in this process.</summary>
    public static string? RuntimeBetween(Sample first, Sample last) =>
        first.Runtime is { } a && last.Runtime is { } b ? RuntimeCounters.Describe(a, b, last.Values - first.Values, Stopwatch.GetElapsedTime(first.Timestamp, last.Timestamp)) : null;

    public static Rate Between(Sample first, Sample last)
    {
        var seconds = Stopwatch.GetElapsedTime(first.Timestamp, last.Timestamp).TotalSeconds;
        var values = last.Values - first.Values;
        var cpu = (last.Cpu - first.Cpu).TotalMilliseconds;
        var missed = last.Missed - first.Missed;
        return new Rate(values / seconds, values == 0 ? double.NaN : cpu / values * 10_000, values + missed == 0 ? double.NaN : values / (double)(values + missed));
    }
}
