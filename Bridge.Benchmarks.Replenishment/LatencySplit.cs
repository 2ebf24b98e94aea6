using System.Diagnostics;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// Where the crossing → WMS time goes, per crossing, p50/p99 of each leg: the signal sent → its notice handed to the bus
/// (queue, batch, commit, the publish stage), → the notice received by the saga (broker, the saga's queue), → the request
/// received by its outbound consumer (the saga's transaction and outbox), → the request at the WMS (mapping, delivery).
/// </summary>
internal static class LatencySplit
{
    public static void Print(TextWriter output, IReadOnlyDictionary<string, long> crossings, NoticePublishTimes notices, ConsumeCost cost, IReadOnlyDictionary<string, long> arrivals)
    {
        var legs = new List<double>[4];
        for (var i = 0; i < legs.Length; i++)
            legs[i] = [];
        foreach (var (location, sent) in crossings)
        {
            if (!notices.LevelLow.TryGetValue(location, out var published) || !cost.LevelLow.TryGetValue(location, out var low) || !cost.Requested.TryGetValue(location, out var requested)
                || !arrivals.TryGetValue(location, out var arrived))
                continue;
            legs[0].Add(Stopwatch.GetElapsedTime(sent, published).TotalMilliseconds);
            legs[1].Add(Stopwatch.GetElapsedTime(published, low).TotalMilliseconds);
            legs[2].Add(Stopwatch.GetElapsedTime(low, requested).TotalMilliseconds);
            legs[3].Add(Stopwatch.GetElapsedTime(requested, arrived).TotalMilliseconds);
        }

        if (legs[0].Count == 0)
            return;
        string[] names = ["sent → notice published", "→ notice received by the saga", "→ request at its outbound consumer", "→ request at the WMS"];
        output.WriteLine($"latency legs    p50 / p99 ms over {legs[0].Count} crossings:");
        for (var i = 0; i < legs.Length; i++)
        {
            legs[i].Sort();
            output.WriteLine($"  {names[i],-36} {Percentile(legs[i], 0.50),7:0} / {Percentile(legs[i], 0.99),7:0}");
        }
    }

    /// <summary>
    /// Crossing → WMS by when the crossing was sent, in <paramref name="bucket"/>s from <paramref name="started"/>: whether
    /// the latency is the run's start (JIT, first reads, the first batches) or spread over it.
    /// </summary>
    public static void PrintByTime(TextWriter output, IReadOnlyDictionary<string, long> crossings, NoticePublishTimes notices, IReadOnlyDictionary<string, long> arrivals, long started, TimeSpan bucket)
    {
        var rows = crossings.Where(c => arrivals.ContainsKey(c.Key))
            .Select(c => (At: Stopwatch.GetElapsedTime(started, c.Value), Total: Stopwatch.GetElapsedTime(c.Value, arrivals[c.Key]).TotalMilliseconds,
                First: notices.LevelLow.TryGetValue(c.Key, out var published) ? Stopwatch.GetElapsedTime(c.Value, published).TotalMilliseconds : double.NaN))
            .GroupBy(r => (int)(r.At / bucket)).OrderBy(g => g.Key);
        output.WriteLine($"by crossing    sent in the run's {bucket.TotalSeconds:0} s slices: crossings, crossing → WMS p50 / p99 ms, of it sent → notice published p50 / p99 ms");
        foreach (var slice in rows)
        {
            var total = slice.Select(r => r.Total).Order().ToList();
            var first = slice.Select(r => r.First).Where(f => !double.IsNaN(f)).Order().ToList();
            output.WriteLine($"  {slice.Key * bucket.TotalSeconds,4:0}–{(slice.Key + 1) * bucket.TotalSeconds,2:0} s  {total.Count,5}  {Percentile(total, 0.5),6:0} / {Percentile(total, 0.99),6:0}"
                + (first.Count > 0 ? $"   {Percentile(first, 0.5),6:0} / {Percentile(first, 0.99),6:0}" : ""));
        }
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
}
