using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Bridge.Faults.Load;

/// <summary>
/// A steady stream of MES material requests, each for its own ERP production order (one unit: three BOM lines), after
/// the orders and WMS A's stock are set up. Bounded: at most <see cref="Count"/> requests at
/// <see cref="PerSecond"/> a second, never past the deadline. A request is retried (same number, so Bridge knows it
/// again) until a host takes it; <see cref="Accepted"/> holds the numbers Bridge answered 2xx — each one it owes a
/// delivery.
/// </summary>
/// <param name="stockFor">How many requests WMS A's stock is set up for (default <paramref name="count"/>): more when
/// a later load (the soak's) takes from the same stock.</param>
public sealed class MaterialRequestLoad(string prefix, int count, double perSecond, int? stockFor = null)
{
    private readonly ConcurrentDictionary<string, byte> _accepted = new(StringComparer.Ordinal);
    private long _rejected;

    public int Count { get; } = count;

    public double PerSecond { get; } = perSecond;

    public IReadOnlyCollection<string> Accepted => (IReadOnlyCollection<string>)_accepted.Keys;

    /// <summary>Requests Bridge answered 4xx, or never took before the deadline (each a failure of the run).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public string RequestNo(int index) => $"MR-{prefix}-{index:00000}";

    // 12-digit ERP numbers, 7,1xx,xxx and up: apart from the shipped samples' orders.
    public static string OrderNo(int index) => (7_100_000 + index).ToString("000000000000", CultureInfo.InvariantCulture);

    /// <summary>Posts every order and the stock for all of them, then waits until the last order's kit is complete.</summary>
    public async Task SetUpAsync(BridgeTargets bridge, HttpClient administrator, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var status = await bridge.PostAsync("erp", "production-order", Payloads.ProductionOrder(OrderNo(i)), deadline, token);
            if (status is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
            {
                throw new InvalidOperationException($"set-up: order {OrderNo(i)} was answered {status?.ToString() ?? "never"}");
            }
        });
        var stock = await bridge.PostAsync("wms-a", "inventory", Payloads.Stock((stockFor ?? Count) * 10m + 1000m), deadline, ct);
        if (stock is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"set-up: the stock feed was answered {stock?.ToString() ?? "never"}");
        }

        var last = OrderNo(Count - 1).TrimStart('0');
        while (true)
        {
            using (var response = await administrator.GetAsync($"/api/kit/{last}?quantity=1", ct))
            {
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(ct)).Contains("\"complete\":true", StringComparison.Ordinal))
                {
                    return;
                }
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"set-up: order {last}'s kit was not complete within 3 minutes");
            }

            await Task.Delay(250, ct);
        }
    }

    /// <summary>
    /// Sends the requests at the set pace (each retried until taken, at most until <paramref name="deadline"/>);
    /// <paramref name="progress"/> is called after each. Returns when every request was answered or given up.
    /// </summary>
    public async Task RunAsync(BridgeTargets bridge, DateTimeOffset deadline, Action<int>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sending = new List<Task>();
        for (var i = 0; i < Count && TimeProvider.System.GetUtcNow() < deadline; i++)
        {
            var due = TimeSpan.FromSeconds(i / PerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            var index = i;
            sending.Add(Task.Run(async () =>
            {
                var number = RequestNo(index);
                var status = await bridge.PostAsync("mes", "material-request", Payloads.MaterialRequest(number, OrderNo(index)), deadline, ct);
                if (status is HttpStatusCode.Accepted or HttpStatusCode.OK)
                {
                    _accepted.TryAdd(number, 0);
                }
                else
                {
                    Interlocked.Increment(ref _rejected);
                }

                progress?.Invoke(index);
            }, ct));
        }

        await Task.WhenAll(sending);
    }
}
