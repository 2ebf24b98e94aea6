using System.Globalization;
using System.Runtime;

namespace Bridge.Host.Operations.Diagnostics;

/// <summary>
/// Off unless <c>Bridge:Diagnostics:MemoryLog</c> names a file: then once a second one CSV line of where the process's
/// memory is — resident (VmRSS), what the GC has committed, its heap, fragmentation and generation sizes after the last
/// collection, allocations so far — so a run can tell memory the GC keeps from native memory and from live objects
/// (the fault suite's R4 reads it). Meant for measuring, not for production monitoring (that is /metrics).
/// A file named <see cref="CollectRequestOf"/> beside the log asks for a full compacting collection before the next
/// line, which then says <c>full_gc</c> 1: the floor of what the process holds, which R4 compares from pass to pass.
/// </summary>
public sealed class MemoryLog(string path, TimeProvider time) : BackgroundService
{
    public const string Setting = "Bridge:Diagnostics:MemoryLog";

    public const string Header = "at,rss_mb,committed_mb,heap_mb,fragmented_mb,gen0_mb,gen1_mb,gen2_mb,loh_mb,poh_mb,allocated_mb,gen0_count,gen1_count,gen2_count,pause_percent,server_gc,conserve,full_gc";

    /// <summary>The file whose presence asks for a full compacting collection (deleted when done).</summary>
    public static string CollectRequestOf(string path) => path + ".collect";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        await file.WriteLineAsync(Header);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            await file.WriteLineAsync(Line(CollectIfAsked()));
        }
        while (await Tick(timer, stoppingToken));
    }

    /// <summary>
    /// A full blocking collection that compacts the large-object heap too and gives back what it can. What finalizers
    /// and gen2 callbacks let go of (the shared array pool trims itself in one, after the collection) is collected by a
    /// second one, so the line after it holds only what is still referenced.
    /// </summary>
    private bool CollectIfAsked()
    {
        var request = CollectRequestOf(path);
        if (!File.Exists(request)) return false;
        File.Delete(request);
        Collect();
        GC.WaitForPendingFinalizers();
        Collect();
        return true;

        static void Collect()
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    public string Line(bool fullGc = false)
    {
        var info = GC.GetGCMemoryInfo();
        var generations = info.GenerationInfo.ToArray();
        string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
        string After(int generation) => generation < generations.Length ? Mb(generations[generation].SizeAfterBytes) : "";
        return string.Join(',',
            time.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            Mb(ResidentBytes()), Mb(info.TotalCommittedBytes), Mb(info.HeapSizeBytes), Mb(info.FragmentedBytes),
            After(0), After(1), After(2), After(3), After(4), Mb(GC.GetTotalAllocatedBytes()),
            GC.CollectionCount(0).ToString(CultureInfo.InvariantCulture), GC.CollectionCount(1).ToString(CultureInfo.InvariantCulture),
            GC.CollectionCount(2).ToString(CultureInfo.InvariantCulture), info.PauseTimePercentage.ToString("0.0", CultureInfo.InvariantCulture),
            GCSettings.IsServerGC ? "1" : "0", AppContext.GetData("GCConserveMemory")?.ToString() ?? "", fullGc ? "1" : "0");
    }

    /// <summary>VmRSS of this process (Linux); the working set elsewhere.</summary>
    private static long ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return Environment.WorkingSet;
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
