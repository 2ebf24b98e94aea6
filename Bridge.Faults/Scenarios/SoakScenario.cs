using System.Globalization;
using Bridge.Faults.Flood;
using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R7, on demand (<c>./faults.sh soak</c>): the host's peak is measured first (a burst of material requests, as fast as
/// it takes them: requests ÷ first post → last delivery at MES), then ERP orders and MES requests flow at half that rate for an hour
/// (<c>BRIDGE_FAULTS_SOAK_MINUTES</c>). Every window (a minute; 15 s short) it reads the host's RSS, the requests' latency
/// to delivery (p50/p99 of those posted in the window) and Bridge's tables. It holds when nothing is lost or
/// duplicated and every request ends, RSS in the last tenth stays under 1.1× the second tenth's (the first is warm-up),
/// p99 in the last tenth under 1.5× the second tenth's (or 50 ms more, whichever is larger: a few ms of noise is not a
/// trend) and both under 2 s (a baseline that is itself a queue would make any growth look stable), no inbox row and no ended request outlives its retention (both set to 10 min here, 1 min short, so the
/// clean-ups run within the hour: the tables stop growing once the retention is reached),
/// nothing is left waiting in an outbox and no request is left open.
/// </summary>
public sealed class SoakScenario : IFaultScenario
{
    public string Id => "soak";

    private const double RssGrowthLimit = 1.10;
    private const double LatencyGrowthLimit = 1.5;
    private static readonly TimeSpan LatencyNoise = TimeSpan.FromMilliseconds(50);

    /// <summary>At half the peak a request should never queue: p99 in the second or last tenth above this is a backlog.</summary>
    private static readonly TimeSpan LatencyCeiling = TimeSpan.FromSeconds(2);

    /// <summary>The soak never offers more than this (the stock is set up for it).</summary>
    private const double MostPerSecond = 100;

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var minutes = run.Environment.TryGetValue("BRIDGE_FAULTS_SOAK_MINUTES", out var text) && double.TryParse(text, CultureInfo.InvariantCulture, out var m) && m > 0
            ? m : run.Short ? 3 : 60;
        var window = TimeSpan.FromSeconds(run.Short ? 15 : 60);
        var retention = TimeSpan.FromMinutes(run.Short ? 1 : 10);
        var cleanup = TimeSpan.FromSeconds(run.Short ? 15 : 60);
        var burst = run.Short ? 150 : 600;
        var soakCapacity = (int)Math.Ceiling(MostPerSecond * 60 * minutes);
        var settings = new Dictionary<string, string>
        {
            ["Bridge__InboxRetention"] = retention.ToString("c", CultureInfo.InvariantCulture),
            ["Bridge__InboxCleanupInterval"] = cleanup.ToString("c", CultureInfo.InvariantCulture),
            ["Bridge__SagaRetention"] = retention.ToString("c", CultureInfo.InvariantCulture),
            ["Bridge__SagaCleanupInterval"] = cleanup.ToString("c", CultureInfo.InvariantCulture),
        };
        var peakLoad = new MaterialRequestLoad("R7", burst, 1000, stockFor: burst + soakCapacity);
        await using var flow = await FaultFlow.StartAsync(run, "R7", peakLoad, new SensorLoad(10, 20), cancellationToken, settings: settings);

        // The peak: the burst's requests end to end, from its first post to its last delivery at MES (as the material
        // benchmark counts throughput). Deliveries alone come faster than that in the burst's middle, once every
        // request's earlier steps are done: a rate the host cannot keep up (session 15: 44 deliveries/s there, while a
        // soak at 22/s fell behind by 700 requests within five minutes).
        var burstStart = TimeProvider.System.GetUtcNow();
        await flow.RunLoadAsync(burstStart.AddMinutes(5), cancellationToken);
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var deliveries = flow.Receivers.Tally(ReceivedKind.Delivery);
        var arrivals = peakLoad.Accepted.Select(deliveries.ArrivalOf).OfType<DateTimeOffset>().Order().ToList();
        if (arrivals.Count < 10)
            throw new InvalidOperationException($"the burst delivered {arrivals.Count} of {peakLoad.Accepted.Count} requests: no peak to soak at");
        var peak = arrivals.Count / Math.Max(0.001, (arrivals[^1] - burstStart).TotalSeconds);
        var (from, to) = (arrivals[arrivals.Count / 10], arrivals[arrivals.Count * 9 / 10]);
        var middle = (arrivals.Count * 9 / 10 - arrivals.Count / 10) / Math.Max(0.001, (to - from).TotalSeconds);
        var rate = Math.Min(MostPerSecond, Math.Max(1, peak / 2));
        flow.Say($"peak {peak:0.0} requests/s ({arrivals.Count} requests, first post → last delivery in {(arrivals[^1] - burstStart).TotalSeconds:0.0} s; deliveries in the burst's middle 80 %: {middle:0.0}/s); soaking at {rate:0.0}/s for {minutes:0.#} min");

        var soak = new SoakLoad(burst, (int)Math.Ceiling(rate * 60 * minutes), rate);
        var windows = new List<SoakWindow>();
        var soakStart = TimeProvider.System.GetUtcNow();
        var soakEnd = soakStart.AddMinutes(minutes);
        using var bridge = new BridgeTargets(flow.Hosts);
        var load = soak.RunAsync(bridge, soakEnd + SoakLoad.OrderLead, cancellationToken);
        var overdueAfter = retention + 2 * cleanup;
        var windowStart = soakStart;
        while (!load.IsCompleted || windows.Count == 0)
        {
            var rss = new List<long>();
            var windowEnd = windowStart + window;
            while (TimeProvider.System.GetUtcNow() < windowEnd && !load.IsCompleted)
            {
                if (flow.Host.ProcessId is { } pid && RssSampler.ReadKb(pid) is { } kb) rss.Add(kb / 1024);
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }

            var census = await TableCensus.TakeAsync(flow.Space.Postgres, overdueAfter, cancellationToken);
            windows.Add(new SoakWindow(windowStart, rss.Count == 0 ? 0 : rss.Max(), census));
            flow.Say($"window {windows.Count}: RSS {windows[^1].RssMb} MB, {census}; posted {soak.Accepted.Count}/{soak.Count}, delivered {deliveries.SubjectCount}");
            windowStart = windowEnd;
        }

        await load;
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(2), cancellationToken);
        await WaitOpenRequestsEndAsync(flow, overdueAfter, cancellationToken);
        var end = await TableCensus.TakeAsync(flow.Space.Postgres, overdueAfter, cancellationToken);

        // Latency per window, from each request's first post to its delivery at MES.
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var until = i + 1 < windows.Count ? windows[i + 1].Start : DateTimeOffset.MaxValue;
            var latencies = soak.Accepted
                .Select(r => (Posted: soak.PostedAt(r), Delivered: deliveries.ArrivalOf(r)))
                .Where(x => x.Posted is { } p && p >= w.Start && p < until && x.Delivered is not null)
                .Select(x => (x.Delivered!.Value - x.Posted!.Value).TotalMilliseconds)
                .Order().ToList();
            windows[i] = w with { P50Ms = Percentile(latencies, 0.50), P99Ms = Percentile(latencies, 0.99), Requests = latencies.Count };
        }

        foreach (var w in windows)
        {
            flow.Say($"{w.Start:HH:mm:ss} RSS {w.RssMb} MB, p50 {w.P50Ms:0} ms, p99 {w.P99Ms:0} ms ({w.Requests} requests), {w.Census}");
        }

        var tenths = new SoakTenths(windows);
        var notes = Judge(tenths, end, soak);
        var row = await flow.RowAsync(
            string.Create(CultureInfo.InvariantCulture, $"{soak.Accepted.Count:N0} material requests at {rate:0.#}/s (half the peak {peak:0.#}/s) for {minutes:0.#} min + a {burst}-request burst"),
            $"none: a soak ({Summary(tenths)})", null, cancellationToken,
            notes.Count == 0 ? null : string.Join("; ", notes), readStates: false);
        var soakDelivered = soak.Accepted.Count(deliveries.HasSubject);
        return row with
        {
            Scenario = "R7",
            MessagesIn = row.MessagesIn + soak.Accepted.Count,
            MessagesOut = row.MessagesOut + soakDelivered,
            Lost = row.Lost + soak.Accepted.Count - soakDelivered,
            // Ended requests past the retention are gone from the table: every request not open at the end has ended.
            SagasTerminal = $"{peakLoad.Accepted.Count + soak.Accepted.Count - end.SagasOpen}/{peakLoad.Accepted.Count + soak.Accepted.Count}",
        };
    }

    /// <summary>What fails the soak; empty when it holds.</summary>
    private static List<string> Judge(SoakTenths tenths, TableCensus end, SoakLoad soak)
    {
        var notes = new List<string>();
        if (!tenths.CanJudge)
        {
            notes.Add($"too short to judge ({tenths.Windows.Count} windows)");
            return notes;
        }

        if (tenths.RssEnd > tenths.RssBase * RssGrowthLimit)
            notes.Add($"RSS grew {tenths.RssBase} → {tenths.RssEnd} MB ({(double)tenths.RssEnd / tenths.RssBase:0.00}×, limit {RssGrowthLimit:0.00}×)");
        if (tenths.P99End > Math.Max(tenths.P99Base * LatencyGrowthLimit, tenths.P99Base + LatencyNoise.TotalMilliseconds))
            notes.Add($"p99 grew {tenths.P99Base:0} → {tenths.P99End:0} ms");
        // Growth alone is judged against a baseline that may itself be a queue: at half the peak nothing should wait.
        if (Math.Max(tenths.P99Base, tenths.P99End) > LatencyCeiling.TotalMilliseconds)
            notes.Add($"p99 {tenths.P99Base:0} ms (second tenth) and {tenths.P99End:0} ms (last tenth), above the {LatencyCeiling.TotalMilliseconds:0} ms a request may take at half the peak (the host fell behind)");
        var windows = tenths.Windows;
        var overdue = windows.Where(w => w.Census.InboxOverdue > 0).ToList();
        if (overdue.Count > 0)
            notes.Add($"inbox rows past their retention in {overdue.Count} windows (up to {overdue.Max(w => w.Census.InboxOverdue)})");
        var sagasOverdue = windows.Where(w => w.Census.SagasOverdue > 0).ToList();
        if (sagasOverdue.Count > 0)
            notes.Add($"ended requests past their retention in {sagasOverdue.Count} windows (up to {sagasOverdue.Max(w => w.Census.SagasOverdue)})");
        if (end.OutboxWaiting + end.InboundOutboxWaiting > 0)
            notes.Add($"{end.OutboxWaiting + end.InboundOutboxWaiting} messages left waiting in the outboxes");
        if (end.SagasOpen > 0)
            notes.Add($"{end.SagasOpen} requests still open");
        if (soak.Rejected > 0 || soak.OrdersRefused > 0)
            notes.Add($"{soak.Rejected} requests and {soak.OrdersRefused} orders refused or never taken");
        return notes;
    }

    private static string Summary(SoakTenths tenths)
    {
        var windows = tenths.Windows;
        if (!tenths.CanJudge) return $"{windows.Count} windows";
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS {tenths.RssBase} → {tenths.RssEnd} MB, p99 {tenths.P99Base:0} → {tenths.P99End:0} ms, "
            + $"inbox at most {windows.Max(w => w.Census.InboxRows):N0} rows, outboxes at most {windows.Max(w => w.Census.OutboxWaiting + w.Census.InboundOutboxWaiting)} waiting, "
            + $"open requests at most {windows.Max(w => w.Census.SagasOpen)}, ended requests kept at most {windows.Max(w => w.Census.SagasEnded):N0}");
    }

    private static async Task WaitOpenRequestsEndAsync(FaultFlow flow, TimeSpan overdueAfter, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (TimeProvider.System.GetUtcNow() < deadline
               && (await TableCensus.TakeAsync(flow.Space.Postgres, overdueAfter, ct)) is { SagasOpen: > 0 } or { OutboxWaiting: > 0 } or { InboundOutboxWaiting: > 0 })
        {
            await Task.Delay(1000, ct);
        }
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

}
