using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// A host that has run for a while, not one that starts cold under full load: before a paced run is measured, the same
/// host takes <c>--warm-up</c> seconds of signals at the run's rate on locations of their own (<c>WARM-0000</c> …, every
/// one crossing its reorder point once, spread over the warm-up), so the signal batches, the saga, the outbound mapping
/// and the WMS call have all run. Then it waits until the warm-up is drained (every signal committed, every request at
/// the WMS) and the JIT has settled: fewer than <see cref="SettledMethods"/> methods compiled in a
/// <see cref="SettleWindow"/>, for at most <see cref="SettleLimit"/>. The measured run's collectors start after it.
/// </summary>
internal static class WarmUp
{
    public const string Prefix = "WARM";
    private const int SettledMethods = 20;
    private static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(120);

    public static async Task<bool> RunAsync(BenchmarkOptions options, ConcurrentDictionary<string, long> arrivals)
    {
        var warm = options with { Seconds = options.WarmUpSeconds, Spread = true };
        var plan = SignalPlan.Create(warm, RawSignalPublisher.Encode, Prefix);
        var crossings = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        var started = Stopwatch.GetTimestamp();
        long sent;
        using (var stages = new StageTotals())
        {
            await using (var publisher = await RawSignalPublisher.ConnectAsync(options.RabbitMq))
                sent = await ReplenishmentBenchmark.SendAsync(publisher, plan, crossings, started, paced: true, null);
            bool Drained() => stages.Signals >= sent && crossings.Keys.All(arrivals.ContainsKey);
            var draining = Stopwatch.StartNew();
            while (!Drained() && draining.Elapsed < DrainLimit)
                await Task.Delay(100);
            if (!Drained())
            {
                Console.WriteLine($"warm-up         not drained within {DrainLimit.TotalSeconds:0} s: {stages.Signals} of {sent} signals committed, "
                    + $"{crossings.Keys.Count(arrivals.ContainsKey)} of {crossings.Count} requests at the WMS");
                return false;
            }
        }

        var drained = Stopwatch.GetElapsedTime(started);
        var settling = Stopwatch.StartNew();
        int inWindow;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            await Task.Delay(SettleWindow);
            inWindow = (int)(JitInfo.GetCompiledMethodCount() - before);
        }
        while (inWindow >= SettledMethods && settling.Elapsed < SettleLimit);

        foreach (var location in crossings.Keys)
            arrivals.TryRemove(location, out _);
        Console.WriteLine($"warm-up         {sent} signals on {options.Locations} locations of its own ({Prefix}-…) at {options.Locations * options.RatePerLocation}/s, "
            + $"{crossings.Count} requests at the WMS, drained after {drained.TotalSeconds:0.0} s; the JIT compiled "
            + $"{JitInfo.GetCompiledMethodCount() - jitMethods} methods in {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0} ms, "
            + (inWindow < SettledMethods ? $"settled {settling.Elapsed.TotalSeconds:0} s after the drain ({inWindow} in the last {SettleWindow.TotalSeconds:0} s)"
                : $"not settled after {SettleLimit.TotalSeconds:0} s ({inWindow} in the last {SettleWindow.TotalSeconds:0} s)"));
        return true;
    }
}
