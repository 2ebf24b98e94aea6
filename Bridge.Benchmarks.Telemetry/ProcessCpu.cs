using System.Diagnostics;
using System.Globalization;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>
/// CPU used by the processes a path runs through, read before and after a run: the benchmark process itself and the
/// servers bench/telemetry.sh started (their ids in <c>BRIDGE_BENCH_MOSQUITTO_PID</c> and <c>BRIDGE_BENCH_RABBITMQ_PID</c>;
/// a server whose id is not given is left out). CPU per message holds up on a loaded machine where rates do not.
/// </summary>
internal sealed class ProcessCpu
{
    private static readonly int? Mosquitto = Pid("BRIDGE_BENCH_MOSQUITTO_PID");
    private static readonly int? RabbitMq = Pid("BRIDGE_BENCH_RABBITMQ_PID");
    private readonly TimeSpan _self = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan? _mosquitto = Of(Mosquitto);
    private readonly TimeSpan? _rabbitMq = Of(RabbitMq);

    /// <summary>µs of CPU per message since this was made: (bench process, Mosquitto, RabbitMQ); null where unknown.</summary>
    public (double Self, double? Mosquitto, double? RabbitMq) PerMessage(int count)
    {
        double? Per(TimeSpan? before, TimeSpan? after) => before is { } b && after is { } a ? (a - b).TotalMicroseconds / count : null;
        return ((Process.GetCurrentProcess().TotalProcessorTime - _self).TotalMicroseconds / count, Per(_mosquitto, Of(Mosquitto)), Per(_rabbitMq, Of(RabbitMq)));
    }

    /// <summary>"Mosquitto 12 µs, RabbitMQ 30 µs" for the servers that are known and were used (Mosquitto only where it is on the path).</summary>
    public static string Servers((double Self, double? Mosquitto, double? RabbitMq) cpu, bool mosquitto) =>
        string.Join(", ", new[] { mosquitto ? Describe("Mosquitto", cpu.Mosquitto) : null, Describe("RabbitMQ", cpu.RabbitMq) }.OfType<string>());

    public static string Micros(double value) => value.ToString("N0", CultureInfo.InvariantCulture) + " µs";

    private static string? Describe(string name, double? value) => value is { } v ? $"{name} {Micros(v)}" : null;

    private static int? Pid(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    private static TimeSpan? Of(int? pid)
    {
        if (pid is not { } id)
            return null;
        try
        {
            using var process = Process.GetProcessById(id);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
