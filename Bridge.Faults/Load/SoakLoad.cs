using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Bridge.Faults.Load;

/// <summary>
/// The soak's steady stream (R7): ERP releases one production order a request ahead of MES, and MES asks for its
/// material <see cref="OrderLead"/> later, both at <see cref="PerSecond"/> until <see cref="Count"/> requests or the
/// deadline. Orders are numbered after the <paramref name="firstOrder"/> orders an earlier load used. Each request's
/// first post time is kept, so the latency to its delivery at MES can be read per window of the run.
/// </summary>
public sealed class SoakLoad(int firstOrder, int count, double perSecond)
{
    /// <summary>How long before its request an order is released (MES asks for material of an order ERP has sent).</summary>
    public static readonly TimeSpan OrderLead = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _posted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _accepted = new(StringComparer.Ordinal);
    private long _rejected;
    private long _ordersRefused;

    public int Count { get; } = count;

    public double PerSecond { get; } = perSecond;

    /// <summary>Request numbers Bridge answered 2xx: each one it owes a delivery.</summary>
    public IReadOnlyCollection<string> Accepted => (IReadOnlyCollection<string>)_accepted.Keys;

    public long Rejected => Interlocked.Read(ref _rejected);

    public long OrdersRefused => Interlocked.Read(ref _ordersRefused);

    public static string RequestNo(int index) => $"MR-R7S-{index:000000}";

    /// <summary>When the request was first posted; null when it never was.</summary>
    public DateTimeOffset? PostedAt(string request) => _posted.TryGetValue(request, out var at) ? at : null;

    /// <summary>Orders and requests at the set pace until every request was answered or <paramref name="deadline"/>.</summary>
    public async Task RunAsync(BridgeTargets bridge, DateTimeOffset deadline, CancellationToken ct)
    {
        var orders = Paced(deadline, TimeSpan.Zero, ct, async index =>
        {
            var status = await bridge.PostAsync("erp", "production-order", Payloads.ProductionOrder(MaterialRequestLoad.OrderNo(firstOrder + index)), deadline, ct);
            if (status is not (HttpStatusCode.Accepted or HttpStatusCode.OK)) Interlocked.Increment(ref _ordersRefused);
        });
        var requests = Paced(deadline, OrderLead, ct, async index =>
        {
            var number = RequestNo(index);
            _posted.TryAdd(number, TimeProvider.System.GetUtcNow());
            var status = await bridge.PostAsync("mes", "material-request", Payloads.MaterialRequest(number, MaterialRequestLoad.OrderNo(firstOrder + index)), deadline, ct);
            if (status is HttpStatusCode.Accepted or HttpStatusCode.OK) _accepted.TryAdd(number, 0);
            else Interlocked.Increment(ref _rejected);
        });
        await Task.WhenAll(orders, requests);
    }

    private async Task Paced(DateTimeOffset deadline, TimeSpan delay, CancellationToken ct, Func<int, Task> send)
    {
        await Task.Delay(delay, ct);
        var clock = Stopwatch.StartNew();
        var sending = new List<Task>();
        for (var i = 0; i < Count && TimeProvider.System.GetUtcNow() < deadline; i++)
        {
            var due = TimeSpan.FromSeconds(i / PerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            var index = i;
            sending.Add(Task.Run(() => send(index), ct));
            if (sending.Count >= 1024) sending.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(sending);
    }
}
