using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Which types this process allocates, from the runtime's allocation ticks (one event per ≈ 100 KB allocated, naming the
/// type of the object that crossed the mark): a sample, in proportion to the bytes. On only when
/// <c>BRIDGE_BENCH_ALLOCATIONS=1</c>, between <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public static AllocationSampler? CreateIfAsked() =>
        Environment.GetEnvironmentVariable("BRIDGE_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, n) => n + amount);
    }

    /// <summary>The types with the most sampled bytes, as KiB per request.</summary>
    public IEnumerable<string> Report(int requests, int top)
    {
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"      {bytes / 1024.0 / requests,7:0.0} KiB  {100.0 * bytes / total,5:0.0} %  {type}");
        }
    }
}
