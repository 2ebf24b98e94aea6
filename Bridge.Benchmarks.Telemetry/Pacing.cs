using System.Diagnostics;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>Spreads sends evenly at a target rate (0: as fast as possible).</summary>
internal static class Pacing
{
    public static async Task WaitAsync(Stopwatch clock, int i, double rate)
    {
        if (rate <= 0)
            return;
        var due = TimeSpan.FromSeconds(i / rate);
        if (due > clock.Elapsed + TimeSpan.FromMilliseconds(2))
            await Task.Delay(due - clock.Elapsed);
    }
}
