using System.Diagnostics;
using System.Globalization;

namespace Bridge.Benchmarks.Material;

/// <summary>
/// Runs an action to warm up (2 s at least), then <c>rounds</c> times, and reports the median and the fastest round and
/// the process CPU time per round (what a round costs, less sensitive than wall time to other load on the machine).
/// </summary>
internal static class Timing
{
    public static (double MedianMs, double MinMs, double CpuMs) Measure(int rounds, Action action)
    {
        // Warm up until the JIT has settled on optimized code: at least 3 rounds and 2 s (at most 1,000 rounds).
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < 1000 && (i < 3 || warming.Elapsed < TimeSpan.FromSeconds(2)); i++)
        {
            action();
        }

        var times = new double[rounds];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
        Array.Sort(times);
        return (times[rounds / 2], times[0], cpu);
    }

    public static string Line(string what, (double MedianMs, double MinMs, double CpuMs) time, string target) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what,-72} median {time.MedianMs,9:0.000} ms  min {time.MinMs,9:0.000} ms  cpu {time.CpuMs,9:0.000} ms  {target}");
}
