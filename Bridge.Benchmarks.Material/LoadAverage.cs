namespace Bridge.Benchmarks.Material;

/// <summary>The machine's 1-minute load average (Linux), printed with the figures.</summary>
internal static class LoadAverage
{
    public static string Read() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
