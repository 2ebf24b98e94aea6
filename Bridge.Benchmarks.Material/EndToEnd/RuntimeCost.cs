using System.Globalization;
using System.Runtime;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// What the runtime itself did in this process: methods the JIT compiled and its time (a phase that still compiles is
/// not in steady state yet), garbage collections by generation and their pauses.
/// </summary>
internal readonly record struct RuntimeCost(long JitMethods, TimeSpan JitTime, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public static RuntimeCost Snapshot() => new(
        JitInfo.GetCompiledMethodCount(currentThread: false), JitInfo.GetCompilationTime(currentThread: false),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static RuntimeCost operator -(RuntimeCost after, RuntimeCost before) => new(
        after.JitMethods - before.JitMethods, after.JitTime - before.JitTime, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2, after.GcPause - before.GcPause);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"JIT compiled {JitMethods} methods in {JitTime.TotalMilliseconds:0} ms; GCs gen0/1/2 {Gen0}/{Gen1}/{Gen2}, paused {GcPause.TotalMilliseconds:0} ms");
}
