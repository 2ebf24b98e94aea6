namespace Bridge.Benchmarks.OpcUa;

/// <summary>
/// The .NET runtime's own counters in this process (Bridge's client): bytes allocated, collections per generation, time
/// paused in GC, methods compiled and time spent compiling (tiered compilation still at work counts in a phase's CPU).
/// </summary>
internal readonly record struct RuntimeCounters(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long MethodsCompiled, TimeSpan CompileTime)
{
    public static RuntimeCounters Now() => new(
        GC.GetTotalAllocatedBytes(precise: false),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        System.Runtime.JitInfo.GetCompiledMethodCount(),
        System.Runtime.JitInfo.GetCompilationTime());

    /// <summary>"412 B/value, GC 38/12/3 (gen0/1/2), paused 2.1 %, JIT 120 methods in 85 ms" over the span between two readings.</summary>
    public static string Describe(RuntimeCounters first, RuntimeCounters last, long values, TimeSpan elapsed) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(values == 0 ? 0 : (last.AllocatedBytes - first.AllocatedBytes) / (double)values):0} B allocated per value, GC {last.Gen0 - first.Gen0}/{last.Gen1 - first.Gen1}/{last.Gen2 - first.Gen2} (gen0/1/2), paused {(last.GcPause - first.GcPause) / elapsed:P1}, JIT {last.MethodsCompiled - first.MethodsCompiled} methods in {(last.CompileTime - first.CompileTime).TotalMilliseconds:0} ms");
}
