using System.Diagnostics;
using Bridge.Mappings;

namespace Bridge.Benchmarks;

/// <summary>
/// <c>--documents</c>: how mapping scales with document size (issue 8). B2MML V0600 schedules of 1,000 / 10,000 / 50,000
/// ProductionRequests through the shipped mapping (streamed) and through the same mapping forced to read the whole
/// document; then 100,000-line BOM documents (one V0600 request, one ERP JSON order). Prints time per request and the
/// peak managed heap while mapping (sampled every millisecond), so a flat time per request means linear.
/// </summary>
internal static class DocumentScaleCheck
{
    private static readonly Dictionary<string, string> NoMetadata = new();

    public static void Run()
    {
        var config = ProductionOrderMappingBenchmarks.FindConfig();
        var loaded = MappingSet.LoadDirectory(config);
        var set = loaded.Set ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        var streamed = set.FindInbound("erp", "production-schedule")!;
        var whole = WholeDocumentVariant(config);
        var order = set.FindInbound("erp", "production-order")!;
        Console.WriteLine($"{"document",-44} {"size",9} {"messages",9} {"time",9} {"per item",10} {"peak heap",10}");
        Measure("V0600 schedule, 100 requests (warm-up)", streamed, B2mmlSchedulePayload.Schedule(config, 100), 100, quiet: true);
        foreach (var requests in new[] { 1_000, 10_000, 50_000 })
        {
            var payload = B2mmlSchedulePayload.Schedule(config, requests);
            Measure($"V0600 schedule, {requests:N0} requests, streamed", streamed, payload, requests);
            Measure($"V0600 schedule, {requests:N0} requests, whole DOM", whole, payload, requests);
        }
        Measure("V0600 one request, 100,000 BOM lines", streamed, B2mmlSchedulePayload.BillOfMaterials(config, 100_000), 100_000);
        Measure("ERP JSON order, 100,000 BOM lines", order, BenchmarkPayload.Create(100_000), 100_000);
    }

    private static InboundMapping WholeDocumentVariant(string config)
    {
        var copy = Directory.CreateTempSubdirectory("bridge-bench-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(config, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(config, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var mapping = Path.Combine(copy, "mappings", "erp", "production-schedule.yaml");
            File.WriteAllText(mapping, File.ReadAllText(mapping).Replace("split: /b:ProductionSchedule/b:ProductionRequest", "split: //b:ProductionRequest"));
            var loaded = MappingSet.LoadDirectory(copy);
            var variant = loaded.Set?.FindInbound("erp", "production-schedule") ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
            if (variant.Streams) throw new InvalidOperationException("the whole-document variant streams");
            return variant;
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void Measure(string name, InboundMapping mapping, byte[] payload, int items, bool quiet = false)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var result = mapping.Map(payload, "application/octet-stream", NoMetadata);
        watch.Stop();
        stop.Cancel();
        sampler.Join();
        if (!result.Succeeded) throw new InvalidOperationException($"{name}: {result.Errors[0]}");
        if (quiet) return;
        var perItem = watch.Elapsed.TotalMicroseconds / items;
        Console.WriteLine($"{name,-44} {payload.Length / 1_048_576.0,7:F1} MB {result.Messages.Count,9:N0} {watch.Elapsed.TotalSeconds,7:F2} s {perItem,7:F1} us {(peak - baseline) / 1_048_576.0,7:F0} MB");
    }
}
