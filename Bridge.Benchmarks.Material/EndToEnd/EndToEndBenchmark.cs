using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Bridge.Host.Composition;
using Bridge.Host.Demo;
using Bridge.Host.Infrastructure.Configuration;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Material requests end to end on RabbitMQ + PostgreSQL, against raw MassTransit on the same broker in the same run.
/// A production-mode host in this process; MES posts requests over HTTP (each for its own released order, stock set up
/// first); the saga reserves and sends the pick list to WMS A, which confirms it back over HTTP; the delivery reaches MES.
/// 1. Throughput: <c>requests</c> posted with up to 64 in flight; requests/s = requests ÷ (first post → last delivery).
/// 2. Latency at half that rate: paced requests, post → delivery at MES, p50 / p99.
/// 3. Raw: persistent messages of the host's mean message size, sent to a queue, then consumed by a counting consumer
///    with the host's prefetch and concurrency. Saga messages/s = requests/s × bus messages the host consumed per request.
/// </summary>
internal static class EndToEndBenchmark
{
    private const string MesKey = "bench-mes-key";
    private const string WmsKey = "bench-wms-key";
    private const string ErpKey = "bench-erp-key";
    private const string AdminKey = "bench-admin-key";

    public static async Task<int> RunAsync(Uri rabbitMq, string postgres, int requests)
    {
        await using var plant = await SimulatedPlant.StartAsync();
        var app = BuildHost(rabbitMq, postgres, plant);
        await app.StartAsync();
        var baseUrl = new Uri(app.Urls.First());
        using var mes = Client(baseUrl, MesKey);
        using var wms = Client(baseUrl, WmsKey);
        using var erp = Client(baseUrl, ErpKey);
        using var admin = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var counted = new BusMessageCount();
        app.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(counted);
        app.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(plant.Clock);
        var messaging = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BridgeMessagingOptions>>().Value;

        // Long enough for the JIT to reach its optimised tiers, as the raw phase (20,000 messages) does.
        const int warmUp = 100;
        var latencyRequests = Math.Max(100, requests / 2);
        var orders = warmUp + requests + latencyRequests;
        Console.WriteLine($"setting up {orders} released orders and WMS A's stock ...");
        await SetUpAsync(erp, wms, admin, plant, orders);
        plant.Run(wms, confirmers: 16);

        // Warm-up: a few requests through the whole flow, not counted.
        await SendAsync(mes, plant, "W", 0, warmUp, perSecond: null);

        Console.WriteLine($"throughput phase: {requests} requests ...");
        using var database = new DatabaseCount();
        var serverBefore = await DatabaseCount.ReadServerAsync(postgres);
        var commandsBefore = database.Commands;
        var before = counted.Snapshot();
        var cpuBefore = ProcessCpu.Snapshot();
        var throughput = await SendAsync(mes, plant, "T", warmUp, requests, perSecond: null);
        var cpuAfter = ProcessCpu.Snapshot();
        var after = counted.Snapshot();
        var commandsAfter = database.Commands;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // PostgreSQL flushes a backend's statistics at most once a second
        var serverAfter = await DatabaseCount.ReadServerAsync(postgres);
        var perSecond = requests / throughput.Seconds;
        var perRequest = (after.Total - before.Total) / (double)requests;
        var meanBytes = (after.Bytes - before.Bytes) / (double)Math.Max(1, after.Total - before.Total);

        var latency = await SendAsync(mes, plant, "L", warmUp + requests, latencyRequests, perSecond / 2);
        await app.StopAsync();
        await app.DisposeAsync();

        var rawCount = Math.Max(20_000, (int)(after.Total - before.Total));
        var raw = await RawConsume.MeasureAsync(rabbitMq, rawCount, (int)meanBytes, messaging.PrefetchCount, messaging.ConcurrentMessageLimit);

        var sagaPerSecond = perSecond * perRequest;
        Console.WriteLine();
        Console.WriteLine($"Material requests end to end, RabbitMQ + PostgreSQL ({Environment.ProcessorCount} cores, load average {LoadAverage.Read()}; "
            + $"host prefetch {messaging.PrefetchCount}, concurrency {messaging.ConcurrentMessageLimit})");
        Console.WriteLine(Invariant($"  throughput        {requests} requests in {throughput.Seconds:0.00} s = {perSecond:0.0} requests/s (up to 64 posts in flight; first post → last delivery)"));
        Console.WriteLine(Invariant($"  bus messages      {perRequest:0.00} consumed by the host per request, mean body {meanBytes:0} bytes:"));
        foreach (var (type, n) in after.ByType.OrderByDescending(t => t.Value - before.ByType.GetValueOrDefault(t.Key)))
        {
            var during = n - before.ByType.GetValueOrDefault(type);
            if (during > 0)
            {
                Console.WriteLine(Invariant($"      {type,-36} {during / (double)requests,6:0.00} per request"));
            }
        }

        Console.WriteLine(Invariant($"  saga messages/s   {sagaPerSecond:0} (= requests/s × bus messages per request)"));
        Console.WriteLine(Invariant($"  latency           {latencyRequests} requests paced at {perSecond / 2:0.0}/s (half the throughput): p50 {latency.P50:0} ms, p99 {latency.P99:0} ms, max {latency.Max:0} ms (post → delivery at MES)"));
        Console.WriteLine(Invariant($"  raw MassTransit   {raw:0} messages/s consumed ({rawCount} persistent {meanBytes:0}-byte messages, same broker, prefetch {messaging.PrefetchCount}, concurrency {messaging.ConcurrentMessageLimit})"));
        var ratio = sagaPerSecond / raw;
        Console.WriteLine(Invariant($"  ratio             saga messages/s ÷ raw = {ratio:P1} (target ≥ 30 %)"));
        Console.WriteLine(Invariant($"  CPU per request   in the throughput phase (ms; 1,000 ms a second per core):"));
        foreach (var (process, seconds) in cpuAfter)
        {
            Console.WriteLine(Invariant($"      {process,-40} {(seconds - cpuBefore.GetValueOrDefault(process)) * 1000 / requests,7:0.0}"));
        }

        Console.WriteLine(Invariant($"  PostgreSQL        per request in the throughput phase: {(serverAfter.Commits + serverAfter.Rollbacks - serverBefore.Commits - serverBefore.Rollbacks) / (double)requests:0.0} transactions ({(serverAfter.Rollbacks - serverBefore.Rollbacks) / (double)requests:0.0} rolled back), {(commandsAfter - commandsBefore) / (double)requests:0.0} commands (round trips) by the host"));
        var statements = serverAfter.Statements
            .Select(s => (Query: s.Key, Calls: s.Value - serverBefore.Statements.GetValueOrDefault(s.Key)))
            .Where(s => s.Calls > 0)
            .OrderByDescending(s => s.Calls)
            .ToList();
        if (statements.Count > 0)
        {
            Console.WriteLine(Invariant($"      {statements.Sum(s => s.Calls) / (double)requests:0.0} statements per request (pg_stat_statements), the most called:"));
            foreach (var (query, calls) in statements.Take(30))
            {
                var text = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
                Console.WriteLine(Invariant($"      {calls / (double)requests,6:0.00}  {(text.Length > 110 ? text[..110] + "…" : text)}"));
            }
        }

        Console.WriteLine("  where a request's time goes, throughput phase (time since the post):");
        foreach (var line in plant.Clock.Report(throughput.Ids))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("  where a request's time goes, latency phase (time since the post):");
        foreach (var line in plant.Clock.Report(latency.Ids))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(Invariant($"  lost              {throughput.Missing + latency.Missing} requests without a delivery; {plant.ConfirmFailures} confirmations refused"));
        return throughput.Missing + latency.Missing == 0 ? 0 : 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static WebApplication BuildHost(Uri rabbitMq, string postgres, SimulatedPlant plant) =>
        BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:Mode"] = "Production",
            ["Bridge:RabbitMqUri"] = rabbitMq.AbsoluteUri,
            ["Bridge:PostgresConnectionString"] = postgres,
            ["Bridge:ConfigDir"] = ConfigDirectory(),
            ["Bridge:Systems:mes:BaseUrl"] = new Uri(plant.BaseUrl, "/mes").AbsoluteUri,
            ["Bridge:Systems:wms-a:BaseUrl"] = new Uri(plant.BaseUrl, "/wms-a").AbsoluteUri,
            ["Bridge:ApiKeys:mes"] = MesKey,
            ["Bridge:ApiKeys:wms-a"] = WmsKey,
            ["Bridge:ApiKeys:erp"] = ErpKey,
            ["Bridge:Auth:Administrators:bench"] = AdminKey,
            ["Bridge:Telemetry:BufferDirectory"] = Directory.CreateTempSubdirectory("bridge-bench-telemetry-").FullName,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Bridge.Host"] = "Error",
        }));

    private static string ConfigDirectory()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("run from inside the repository (Bridge.sln not found)"), "config");
    }

    private static HttpClient Client(Uri baseUrl, string key)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static string OrderNo(int index) => (7_200_000 + index).ToString("000000000000", CultureInfo.InvariantCulture);

    /// <summary>The orders (quantity 1 each: three BOM lines) and stock for all of them; returns when the last order's kit is complete.</summary>
    private static async Task SetUpAsync(HttpClient erp, HttpClient wms, HttpClient admin, SimulatedPlant plant, int orders)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, orders), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await PostAsync(erp, "/api/inbound/erp/production-order", DemoPayloads.ProductionOrder(OrderNo(i), 1), ct));
        await PostAsync(wms, "/api/inbound/wms-a/inventory", plant.Stock("100-A", "A-01-03", "L2611-07", 10m * orders + 1000, "PCE"), CancellationToken.None);
        await PostAsync(wms, "/api/inbound/wms-a/inventory", plant.Stock("200-A", "B-02-01", "L2610-02", 1m * orders + 100, "KGM"), CancellationToken.None);
        await PostAsync(wms, "/api/inbound/wms-a/inventory", plant.Stock("300-B", "C-07-11", "", 2m * orders + 100, "MTR"), CancellationToken.None);
        var last = OrderNo(orders - 1).TrimStart('0');
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await admin.GetAsync($"/api/kit/{last}?quantity=1"))
            {
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("\"complete\":true", StringComparison.Ordinal))
                {
                    return;
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"order {last} and the stock did not reach the host within 5 minutes");
            }

            await Task.Delay(200);
        }
    }

    private static async Task PostAsync(HttpClient client, string path, string body, CancellationToken ct)
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>
    /// Posts <paramref name="count"/> requests for orders <paramref name="firstOrder"/>… (as fast as 64 in flight allow, or
    /// paced at <paramref name="perSecond"/>) and waits for their deliveries (at most 5 minutes after the last post).
    /// </summary>
    private static async Task<Phase> SendAsync(HttpClient mes, SimulatedPlant plant, string prefix, int firstOrder, int count, double? perSecond)
    {
        var posted = new long[count];
        var ids = Enumerable.Range(0, count).Select(i => $"MR-B{prefix}-{i:000000}").ToArray();
        using var inFlight = new SemaphoreSlim(64);
        var started = Stopwatch.GetTimestamp();
        var posts = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (perSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
            }

            await inFlight.WaitAsync();
            var index = i;
            posted[index] = Stopwatch.GetTimestamp();
            plant.Clock.Mark(ids[index], StageClock.Stage.Posted);
            posts.Add(Task.Run(async () =>
            {
                try
                {
                    await PostAsync(mes, "/api/inbound/mes/material-request", DemoPayloads.MaterialRequest(ids[index], OrderNo(firstOrder + index), 1), CancellationToken.None);
                    plant.Clock.Mark(ids[index], StageClock.Stage.Accepted);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        await Task.WhenAll(posts);
        var waiting = Stopwatch.StartNew();
        while (ids.Any(id => !plant.Delivered.ContainsKey(id)) && waiting.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
        }

        var latencies = new List<double>(count);
        var lastDelivery = started;
        for (var i = 0; i < count; i++)
        {
            if (plant.Delivered.TryGetValue(ids[i], out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(posted[i], at).TotalMilliseconds);
                lastDelivery = Math.Max(lastDelivery, at);
            }
        }

        latencies.Sort();
        return new Phase(ids, Stopwatch.GetElapsedTime(started, lastDelivery).TotalSeconds, count - latencies.Count,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count > 0 ? latencies[^1] : double.NaN);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Phase(IReadOnlyList<string> Ids, double Seconds, int Missing, double P50, double P99, double Max);
}
