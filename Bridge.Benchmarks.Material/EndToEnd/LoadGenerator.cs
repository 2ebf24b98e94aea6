using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bridge.Host.Demo;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The benchmark's MES and ERP clients (in the plant process): the released orders and WMS A's stock, then material
/// requests posted over HTTP and waited for until their deliveries reach the simulated MES.
/// </summary>
internal sealed class LoadGenerator(SimulatedPlant plant, HttpClient mes, HttpClient wms, HttpClient erp, HttpClient admin)
{
    public static string OrderNo(int index) => (7_200_000 + index).ToString("000000000000", CultureInfo.InvariantCulture);

    /// <summary>The orders (quantity 1 each: three BOM lines) and stock for all of them; returns when the last order's kit is complete.</summary>
    public async Task SetUpAsync(int orders)
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

    /// <summary>
    /// Posts <paramref name="count"/> requests for orders <paramref name="firstOrder"/>… (as fast as 64 in flight allow, or
    /// paced at <paramref name="perSecond"/>) and waits for their deliveries (at most 5 minutes after the last post).
    /// </summary>
    public async Task<Phase> SendAsync(string prefix, int firstOrder, int count, double? perSecond)
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

    private static async Task PostAsync(HttpClient client, string path, string body, CancellationToken ct)
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
