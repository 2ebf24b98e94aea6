using System.Globalization;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// CPU time the servers spent (Linux <c>/proc</c>): the PostgreSQL backends serving the run's database (their command line
/// names it) and the broker's process when its id is given (<c>--broker-pid</c>). CPU time, unlike wall time, says what a
/// signal costs when the machine is shared.
/// </summary>
internal static class ServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Postgres(string database) => Sum(Processes().Where(p => p.CommandLine.StartsWith("postgres: ", StringComparison.Ordinal)
        && p.CommandLine.Contains($" {database} ", StringComparison.Ordinal)).Select(p => p.Pid));

    public static TimeSpan Broker(int? pid) => pid is { } id ? Sum([id]) : TimeSpan.Zero;

    private static TimeSpan Sum(IEnumerable<int> pids)
    {
        long ticks = 0;
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th, stime the 15th.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static IEnumerable<(int Pid, string CommandLine)> Processes()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            yield return (pid, commandLine);
        }
    }
}
