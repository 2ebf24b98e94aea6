using System.Diagnostics;
using System.Globalization;

namespace Bridge.Benchmarks.Material;

/// <summary>Runs an action a few times to warm up, then <c>rounds</c> times, and reports the median and the fastest round.</summary>
internal static class Timing
{
    public static (double MedianMs, double MinMs) Measure(int rounds, Action action)
    {
        for (var i = 0; i < Math.Min(3, rounds); i++)
        {
            action();
        }

        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[rounds / 2], times[0]);
    }

    public static string Line(string what, (double MedianMs, double MinMs) time, string target) =>
        string.Create(CultureInfo.InvariantCulture, $"{what,-58} median {time.MedianMs,9:0.000} ms  min {time.MinMs,9:0.000} ms  {target}");
}
