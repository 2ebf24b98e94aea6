using System.Diagnostics;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// What the host, PostgreSQL and the broker burn a second with no signal at all (Hangfire's polling, the relays, adapters
/// retrying): measured on a started host with an empty signal queue, after a warm-up, over a quiet window — not after a
/// run, where the tail of the saga work and the JIT's tiering-up would count as idle. The quietest of a few short windows
/// is taken (start-up work that runs late, on a loaded machine, lands in one of them, not in all). Taken off the CPU per
/// signal, as it does not grow with the signals.
/// </summary>
internal sealed record IdleCost(TimeSpan Process, TimeSpan Postgres, TimeSpan Broker)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private const int Windows = 3;

    public static async Task<IdleCost> MeasureAsync(string database, int? brokerPid)
    {
        await Task.Delay(WarmUp);
        IdleCost? quietest = null;
        for (var i = 0; i < Windows; i++)
        {
            var process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var postgres = ServerCpu.Postgres(database);
            var broker = ServerCpu.Broker(brokerPid);
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(Window);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var window = new IdleCost(
                (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - process) / seconds,
                (ServerCpu.Postgres(database) - postgres) / seconds,
                (ServerCpu.Broker(brokerPid) - broker) / seconds);
            if (quietest is null || window.Total < quietest.Total)
                quietest = window;
        }

        return quietest!;
    }

    private TimeSpan Total => Process + Postgres + Broker;

    public override string ToString() =>
        $"idle host       {Process.TotalMilliseconds:0} ms CPU a second in this process, {Postgres.TotalMilliseconds:0} in PostgreSQL, {Broker.TotalMilliseconds:0} in RabbitMQ "
        + $"(started host, empty queue, {WarmUp.TotalSeconds:0} s warm-up, the quietest of {Windows} windows of {Window.TotalSeconds:0} s)";
}
