using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Which methods the JIT compiles in this process (the runtime's method-load events: every compilation, tier-ups
/// included), counted by type and method, dynamic methods apart. A phase that keeps compiling after a long warm-up has
/// code made per call. On only when <c>BRIDGE_BENCH_JIT=1</c>, between <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
internal sealed class JitSampler : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int DynamicMethod = 0x1;
    private readonly ConcurrentDictionary<string, int> _methods = new(StringComparer.Ordinal);
    private volatile bool _on;

    public static JitSampler? CreateIfAsked() =>
        Environment.GetEnvironmentVariable("BRIDGE_BENCH_JIT") == "1" ? new JitSampler() : null;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        string Field(string name) => e.PayloadNames.IndexOf(name) is var i and >= 0 ? Convert.ToString(e.Payload[i], CultureInfo.InvariantCulture) ?? "" : "";
        var flags = int.TryParse(Field("MethodFlags"), CultureInfo.InvariantCulture, out var f) ? f : 0;
        var key = ((flags & DynamicMethod) != 0 ? "[dynamic] " : "") + Field("MethodNamespace") + "::" + Field("MethodName");
        _methods.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    /// <summary>The most compiled methods, with the share of compilations that were dynamic methods.</summary>
    public IEnumerable<string> Report(int top)
    {
        var total = _methods.Values.Sum();
        var dynamic = _methods.Where(p => p.Key.StartsWith("[dynamic]", StringComparison.Ordinal)).Sum(p => p.Value);
        yield return string.Create(CultureInfo.InvariantCulture, $"      {total} compilations, {dynamic} of them dynamic methods; the most compiled:");
        foreach (var (method, count) in _methods.OrderByDescending(p => p.Value).Take(top))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"      {count,6}  {(method.Length > 150 ? method[..150] + "…" : method)}");
        }
    }
}
