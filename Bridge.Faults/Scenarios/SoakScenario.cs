using System.Globalization;
using Bridge.Faults.Flood;
using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R7, on demand (<c>./faults.sh soak</c>): the host's peak is measured first (<see cref="SoakPeak"/>: a burst of
/// material requests as fast as it takes them), then ERP orders and MES requests flow at half that rate for an hour
/// (<c>BRIDGE_FAULTS_SOAK_MINUTES</c>). Every window (a minute; 15 s short) it reads the host's RSS, the requests' latency
/// to delivery (p50/p99 of those posted in the window) and Bridge's tables; <see cref="SoakVerdict"/> judges them. The
/// inbox's and sagas' retention are set to 10 min here (1 min short), so the clean-ups run within the hour and the
/// tables stop growing once the retention is reached.
/// </summary>
public sealed class SoakScenario : IFaultScenario
{
    public string Id => "soak";

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

        // The peak: the burst's requests end to end (SoakPeak).
        var burstStart = TimeProvider.System.GetUtcNow();
        await flow.RunLoadAsync(burstStart.AddMinutes(5), cancellationToken);
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var deliveries = flow.Receivers.Tally(ReceivedKind.Delivery);
        var arrivals = peakLoad.Accepted.Select(deliveries.ArrivalOf).OfType<DateTimeOffset>().Order().ToList();
        if (arrivals.Count < 10)
            throw new InvalidOperationException($"the burst delivered {arrivals.Count} of {peakLoad.Accepted.Count} requests: no peak to soak at");
        var burstPeak = SoakPeak.Of(burstStart, arrivals);
        var peak = burstPeak.PerSecond;
        var rate = Math.Min(MostPerSecond, Math.Max(1, peak / 2));
        flow.Say($"peak {burstPeak}; soaking at {rate:0.0}/s for {minutes:0.#} min");

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
        var notes = SoakVerdict.Judge(tenths, end, soak.Rejected, soak.OrdersRefused);
        var row = await flow.RowAsync(
            string.Create(CultureInfo.InvariantCulture, $"{soak.Accepted.Count:N0} material requests at {rate:0.#}/s (half the peak {peak:0.#}/s) for {minutes:0.#} min + a {burst}-request burst"),
            $"none: a soak ({SoakVerdict.Summary(tenths)})", null, cancellationToken,
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
