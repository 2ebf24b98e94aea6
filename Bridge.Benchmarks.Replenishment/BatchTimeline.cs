using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Processes.Replenishment;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// Names what holds the signal consumer back: every batch's way through the raw consumer (<see cref="LineSideBatchTrace"/>,
/// its stages from <see cref="LineSideStageMetrics"/>, its notices' publish), lined up with what this process and the
/// servers did meanwhile — GC pauses and gen2 collections, the thread pool's queue, how late a dedicated thread that
/// wakes every 10 ms woke (a whole-process stall), the publisher's ticks and blocked connections, PostgreSQL's
/// checkpoints. Prints per second of the run offered vs committed, and the cycles of the slowest batches split by what
/// they waited for; BRIDGE_BENCH_TIMELINE=path writes every batch and every sample too.
/// </summary>
internal sealed class BatchTimeline : IDisposable
{
    private readonly record struct Sample(long At, long LateTicks, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long ThreadPoolQueue, int Threads, long Allocated, long JitMethods, TimeSpan JitTime);

    private readonly record struct Batch(LineSideBatchTrace Trace, double LockMs, double ApplyMs, double WriteMs, double NoticesMs, double CommitMs);

    private readonly record struct Tick(long Planned, long Handed, long Returned, int Signals);

    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(10);
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<Batch> _batches = new();
    private readonly ConcurrentDictionary<long, LineSideNoticeTrace> _published = new();
    private readonly ConcurrentQueue<Tick> _ticks = new();
    private readonly ConcurrentQueue<long> _blocked = new();
    private readonly List<Sample> _samples = [];
    private readonly MeterListener _listener = new();
    private readonly Thread _sampler;
    private volatile bool _stopped;
    // Stage values of the batch being committed: the commit loop records them one batch at a time, on its own flow.
    private double _lock, _apply, _write, _notices, _commit;

    public BatchTimeline(LineSideSignalConsumerHooks hooks)
    {
        hooks.AfterBatch = trace =>
        {
            _batches.Enqueue(new Batch(trace, _lock, _apply, _write, _notices, _commit));
            _lock = _apply = _write = _notices = _commit = 0;
        };
        hooks.AfterPublish = trace => _published[trace.Batch] = trace;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == LineSideStageMetrics.StageInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                switch (tag.Value as string)
                {
                    case LineSideStageMetrics.Lock: _lock += value; break;
                    case LineSideStageMetrics.Apply: _apply += value; break;
                    case LineSideStageMetrics.Write: _write += value; break;
                    case LineSideStageMetrics.Notices: _notices += value; break;
                    case LineSideStageMetrics.Commit: _commit += value; break;
                }
            }
        });
        _listener.Start();
        _sampler = new Thread(SampleLoop) { IsBackground = true, Name = "bench-timeline-sampler", Priority = ThreadPriority.AboveNormal };
        _sampler.Start();
    }

    /// <summary>A publisher tick: planned at <paramref name="planned"/>, handed to the publisher at <paramref name="handed"/>, returned (its channel's earlier confirms awaited) at <paramref name="returned"/>.</summary>
    public void Offered(long planned, long handed, long returned, int signals) => _ticks.Enqueue(new Tick(planned, handed, returned, signals));

    /// <summary>The broker blocked the publisher's connection (memory or disk alarm).</summary>
    public void Blocked() => _blocked.Enqueue(Stopwatch.GetTimestamp());

    private void SampleLoop()
    {
        var expected = Stopwatch.GetTimestamp();
        var step = (long)(SampleEvery.TotalSeconds * Stopwatch.Frequency);
        while (!_stopped)
        {
            Thread.Sleep(SampleEvery);
            var now = Stopwatch.GetTimestamp();
            expected += step;
            var late = Math.Max(0, now - expected);
            expected = now;
            lock (_samples)
                _samples.Add(new Sample(now, late, GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount, GC.GetTotalAllocatedBytes(),
                    System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime()));
        }
    }

    private double Seconds(long timestamp) => Stopwatch.GetElapsedTime(_origin, timestamp).TotalSeconds;

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Prints the per-second table and the slowest cycles (and writes the full timeline when asked).</summary>
    /// <param name="checkpoints">PostgreSQL checkpoints during the run (timed + requested), and their write time in ms.</param>
    public void Print(TextWriter output, (long Count, double WriteMs) checkpoints)
    {
        _stopped = true;
        _sampler.Join();
        var batches = _batches.OrderBy(b => b.Trace.Number).ToList();
        var ticks = _ticks.ToList();
        Sample[] samples;
        lock (_samples)
            samples = [.. _samples];
        if (batches.Count < 2 || samples.Length < 2)
        {
            output.WriteLine("timeline        too few batches to line up");
            return;
        }

        var times = samples.Select(s => s.At).ToArray();
        Sample At(long timestamp)
        {
            var i = Array.BinarySearch(times, timestamp);
            return samples[Math.Clamp(i < 0 ? ~i : i, 0, samples.Length - 1)];
        }

        double PauseMs(long a, long b) => (At(b).GcPause - At(a).GcPause).TotalMilliseconds;

        // The whole-second table: offered (ticks handed) vs committed, the backlog, and what the process did that second.
        output.WriteLine("timeline        per second of the run: offered / committed signals, backlog (offered − committed so far) at its end, batches, "
            + "longest cycle ms, GC pause ms, gen2 collections, methods the JIT compiled and its time ms, sampler's worst lateness ms, thread-pool queue max, publisher's worst tick wait ms");
        var start = Math.Min(batches[0].Trace.GatherStarted, ticks.Count > 0 ? ticks[0].Handed : long.MaxValue);
        var end = batches[^1].Trace.Acked;
        var second = Stopwatch.Frequency;
        long offeredSoFar = ticks.Where(t => t.Handed < start).Sum(t => (long)t.Signals), committedSoFar = 0;
        for (var s = start; s < end; s += second)
        {
            var e = s + second;
            var offered = ticks.Where(t => t.Handed >= s && t.Handed < e).Sum(t => (long)t.Signals);
            var inSecond = batches.Where(b => b.Trace.Acked >= s && b.Trace.Acked < e).ToList();
            var committed = inSecond.Sum(b => (long)b.Trace.Signals);
            offeredSoFar += offered;
            committedSoFar += committed;
            var window = samples.Where(x => x.At >= s && x.At < e).ToList();
            var tickWait = ticks.Where(t => t.Handed >= s && t.Handed < e).Select(t => Ms(t.Handed, t.Returned)).DefaultIfEmpty().Max();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Seconds(s),5:0.0} s  {offered,6} / {committed,6}  backlog {offeredSoFar - committedSoFar,7}  {inSecond.Count,3} batches  "
                + $"cycle ≤ {inSecond.Select(b => Ms(b.Trace.GatherStarted, b.Trace.NoticesQueued)).DefaultIfEmpty().Max(),5:0}  GC {PauseMs(s, e),5:0}  gen2 {At(e).Gen2 - At(s).Gen2}  jit {At(e).JitMethods - At(s).JitMethods,4} / {(At(e).JitTime - At(s).JitTime).TotalMilliseconds,4:0}  "
                + $"late ≤ {window.Select(x => x.LateTicks * 1000.0 / Stopwatch.Frequency).DefaultIfEmpty().Max(),4:0}  tp ≤ {window.Select(x => x.ThreadPoolQueue).DefaultIfEmpty().Max(),4}  tick ≤ {tickWait,4:0}"));
        }

        // Each batch's cycle, from the loop asking for it to its notices handed on, split by where the time went.
        var cycles = batches.Select(b => (Batch: b, Cycle: Ms(b.Trace.GatherStarted, b.Trace.NoticesQueued))).OrderByDescending(c => c.Cycle).ToList();
        var slow = cycles.Take(Math.Max(1, cycles.Count / 20)).ToList();
        string Split(IReadOnlyCollection<(Batch Batch, double Cycle)> set)
        {
            double Avg(Func<Batch, double> f) => set.Average(c => f(c.Batch));
            return string.Create(CultureInfo.InvariantCulture,
                $"cycle {set.Average(c => c.Cycle),6:0.0} ms = gather {Avg(b => Ms(b.Trace.GatherStarted, b.Trace.Gathered)),5:0.0} + lock {Avg(b => b.LockMs),5:0.0} + apply {Avg(b => b.ApplyMs),5:0.0} "
                + $"+ write {Avg(b => b.WriteMs),5:0.0} + notices {Avg(b => b.NoticesMs),5:0.0} + commit {Avg(b => b.CommitMs),5:0.0} + ack {Avg(b => Ms(b.Trace.Committed, b.Trace.Acked)),5:0.0} "
                + $"+ queue to publisher {Avg(b => Ms(b.Trace.Acked, b.Trace.NoticesQueued)),5:0.0} + outside the stages {set.Average(c => c.Cycle) - Avg(b => Ms(b.Trace.GatherStarted, b.Trace.Gathered) + b.LockMs + b.ApplyMs + b.WriteMs + b.NoticesMs + b.CommitMs + Ms(b.Trace.Committed, b.Trace.NoticesQueued)),5:0.0}; GC pause inside {Avg(b => PauseMs(b.Trace.GatherStarted, b.Trace.NoticesQueued)),5:0.0} ms; "
                + $"{Avg(b => b.Trace.Signals),5:0} signals, {Avg(b => b.Trace.Waiting),6:0} deliveries waiting, oldest decoded {Avg(b => Ms(b.Trace.FirstReceived, b.Trace.Gathered)),6:0} ms before");
        }

        output.WriteLine($"batch cycles    all {cycles.Count}: {Split(cycles)}");
        output.WriteLine($"                slowest {slow.Count}: {Split(slow)}");
        var published = batches.Where(b => _published.ContainsKey(b.Trace.Number)).Select(b => (b, p: _published[b.Trace.Number])).ToList();
        if (published.Count > 0)
        {
            var waits = published.Select(x => Ms(x.b.Trace.NoticesQueued, x.p.Started)).Order().ToList();
            var sends = published.Select(x => Ms(x.p.Started, x.p.Published)).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notice stage    {published.Count} batches with notices: waited for the stage p50 {LatencySplit.Percentile(waits, 0.5):0} / p99 {LatencySplit.Percentile(waits, 0.99):0} ms, "
                + $"published (confirms + outbox delete) p50 {LatencySplit.Percentile(sends, 0.5):0} / p99 {LatencySplit.Percentile(sends, 0.99):0} ms"));
        }

        var lateness = samples.Where(x => x.At >= start).Select(x => x.LateTicks * 1000.0 / Stopwatch.Frequency).Order().ToList();
        var ranFor = Stopwatch.GetElapsedTime(start, end);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process         over {ranFor.TotalSeconds:0.0} s: GC paused {PauseMs(start, end):0} ms in {At(end).Gen0 - At(start).Gen0} gen0 / {At(end).Gen1 - At(start).Gen1} gen1 / {At(end).Gen2 - At(start).Gen2} gen2 collections "
            + $"the JIT compiled {At(end).JitMethods - At(start).JitMethods} methods in {(At(end).JitTime - At(start).JitTime).TotalMilliseconds:0} ms "
            + $"({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {(System.Runtime.GCSettings.LatencyMode)}); a 10 ms sleeper woke late p50 {LatencySplit.Percentile(lateness, 0.5):0.0} / p99 {LatencySplit.Percentile(lateness, 0.99):0.0} / max {lateness[^1]:0} ms; "
            + $"allocated {(At(end).Allocated - At(start).Allocated) / 1048576.0:0} MB ({(double)(At(end).Allocated - At(start).Allocated) / Math.Max(1, batches.Sum(b => (long)b.Trace.Signals)):0} B per signal committed, publisher and saga included), GC paused {PauseMs(start, end) * 1000 / Math.Max(1, batches.Sum(b => (long)b.Trace.Signals)):0.0} µs per signal; "
            + $"broker blocked the publisher {_blocked.Count} times; PostgreSQL checkpoints {checkpoints.Count} ({checkpoints.WriteMs:0} ms writing)"));
        if (Environment.GetEnvironmentVariable("BRIDGE_BENCH_TIMELINE") is { Length: > 0 } path)
            Write(path, batches, samples);
    }

    private void Write(string path, List<Batch> batches, Sample[] samples)
    {
        using var file = new StreamWriter(path);
        file.WriteLine("# batch at_s signals deliveries notices waiting gather_ms oldest_age_ms lock apply write notices commit ack_ms queue_ms publish_wait_ms publish_ms");
        foreach (var b in batches)
        {
            var t = b.Trace;
            var p = _published.TryGetValue(t.Number, out var x) ? x : default;
            var publish = p.Batch == 0 ? "- -" : string.Create(CultureInfo.InvariantCulture, $"{Ms(t.NoticesQueued, p.Started):0.0} {Ms(p.Started, p.Published):0.0}");
            file.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch {t.Number} {Seconds(t.GatherStarted):0.000} {t.Signals} {t.Deliveries} {t.Notices} {t.Waiting} {Ms(t.GatherStarted, t.Gathered):0.0} {Ms(t.FirstReceived, t.Gathered):0.0} "
                + $"{b.LockMs:0.0} {b.ApplyMs:0.0} {b.WriteMs:0.0} {b.NoticesMs:0.0} {b.CommitMs:0.0} {Ms(t.Committed, t.Acked):0.0} {Ms(t.Acked, t.NoticesQueued):0.0} {publish}"));
        }

        file.WriteLine("# sample at_s late_ms gc_pause_total_ms gen0 gen1 gen2 threadpool_queue threads");
        foreach (var s in samples)
            file.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sample {Seconds(s.At):0.000} {s.LateTicks * 1000.0 / Stopwatch.Frequency:0.0} {s.GcPause.TotalMilliseconds:0.0} {s.Gen0} {s.Gen1} {s.Gen2} {s.ThreadPoolQueue} {s.Threads}"));
        foreach (var t in _ticks)
            file.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tick {Seconds(t.Planned):0.000} {Seconds(t.Handed):0.000} {Ms(t.Handed, t.Returned):0.0} {t.Signals}"));
    }

    public void Dispose()
    {
        _stopped = true;
        _listener.Dispose();
    }
}
