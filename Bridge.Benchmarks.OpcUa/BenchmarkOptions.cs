using System.Globalization;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>Command line: --items N --seconds S --publishing-ms P --server-interval-ms I --sampling-ms S --rounds R [--policy P --mode M] [--url opc.tcp://…] [--repo PATH] [--only bridge|node] [--port N].</summary>
internal sealed record BenchmarkOptions(int Items, int Seconds, int PublishingMs, int ServerIntervalMs, int SamplingMs, int Rounds, string Policy, string Mode, string? Url, string Repository, string? Only, int Port)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            Int("--items", 10_000),
            Int("--seconds", 10),
            Int("--publishing-ms", 100),
            Int("--server-interval-ms", 10),
            Int("--sampling-ms", 0),
            Int("--rounds", 2),
            Get("--policy") ?? "None",
            Get("--mode") ?? "SignAndEncrypt",
            Get("--url"),
            Get("--repo") ?? FindRepository(),
            Get("--only"),
            Int("--port", 0));
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
