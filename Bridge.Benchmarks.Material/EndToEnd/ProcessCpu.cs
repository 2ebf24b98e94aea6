using System.Diagnostics;
using System.Globalization;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// CPU seconds used so far by this process (the host), by the given processes (the plant) and by the servers' process
/// trees (Linux /proc). The servers are named by <c>BRIDGE_BENCH_SERVER_PIDS</c> ("postgres=123 rabbitmq=456", set by
/// bench/material.sh); a tree counts its live processes plus what its root has reaped from exited children.
/// </summary>
internal static class ProcessCpu
{
    public const string Host = "Bridge host (the bench process)";

    public static Dictionary<string, double> Snapshot(IReadOnlyDictionary<string, int> others)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Host] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        };
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        var stats = ReadAll();
        foreach (var (name, pid) in others)
        {
            result[name] = TreeSeconds(stats, pid);
        }

        var servers = Environment.GetEnvironmentVariable("BRIDGE_BENCH_SERVER_PIDS");
        if (string.IsNullOrWhiteSpace(servers))
        {
            return result;
        }

        foreach (var pair in servers.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[1], out var root))
            {
                result[parts[0]] = TreeSeconds(stats, root);
            }
        }

        return result;
    }

    private static double TreeSeconds(Dictionary<int, (int Parent, long Own, long Reaped)> stats, int root)
    {
        if (!stats.TryGetValue(root, out var rootStat))
        {
            return double.NaN;
        }

        var ticks = rootStat.Reaped;
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            ticks += stats[pid].Own;
            foreach (var (child, stat) in stats)
            {
                if (stat.Parent == pid)
                {
                    pending.Push(child);
                }
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    private static Dictionary<int, (int Parent, long Own, long Reaped)> ReadAll()
    {
        var stats = new Dictionary<int, (int, long, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name (which may hold spaces) — state is field 3, ppid 4, utime 14 … cstime 17.
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
                stats[pid] = ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return stats;
    }
}
