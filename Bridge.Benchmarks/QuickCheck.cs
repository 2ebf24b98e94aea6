using System.Diagnostics;

namespace Bridge.Benchmarks;

/// <summary>
/// <c>--quick</c>: a few seconds of stopwatch timing, to try a change before the BenchmarkDotNet run. The three
/// mappers take turns in short rounds and the best round counts, so a busy shared machine skews them alike.
/// </summary>
internal static class QuickCheck
{
    public static void Run()
    {
        var benchmarks = new ProductionOrderMappingBenchmarks { Lines = 50 };
        benchmarks.Setup();
        var candidates = new (string Name, Action Action, int Iterations)[]
        {
            ("compiled", () => benchmarks.Compiled(), 200),
            ("hand-written", () => benchmarks.HandWritten(), 200),
            ("jint", () => benchmarks.Jint(), 20),
        };
        var best = new double[candidates.Length];
        var bytes = new long[candidates.Length];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < 40; round++)
        {
            for (var c = 0; c < candidates.Length; c++)
            {
                var (_, action, iterations) = candidates[c];
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < iterations; i++) action();
                watch.Stop();
                bytes[c] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
                if (round > 0) best[c] = Math.Min(best[c], watch.Elapsed.TotalMicroseconds / iterations);
            }
        }
        for (var c = 0; c < candidates.Length; c++)
        {
            Console.WriteLine($"{candidates[c].Name,-13} {best[c],8:F1} us/msg  {1_000_000 / best[c],9:N0} msg/s  {bytes[c],8:N0} B/msg  {best[c] / best[1],5:F2}x hand-written");
        }
    }
}
