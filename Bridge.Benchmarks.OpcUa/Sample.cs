using System.Diagnostics;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>A reading of a subscriber's counters: values received so far, CPU used so far, when.</summary>
internal readonly record struct Sample(long Values, TimeSpan Cpu, long Timestamp)
{
    public static Rate Between(Sample first, Sample last)
    {
        var seconds = Stopwatch.GetElapsedTime(first.Timestamp, last.Timestamp).TotalSeconds;
        var values = last.Values - first.Values;
        var cpu = (last.Cpu - first.Cpu).TotalMilliseconds;
        return new Rate(values / seconds, values == 0 ? double.NaN : cpu / values * 10_000);
    }
}
