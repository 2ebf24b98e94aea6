using System.Diagnostics;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// The middle of a run, from the moment a quarter of the signals were committed to the moment three quarters were: the
/// rate and the CPU per signal of this process, PostgreSQL and the broker there, without the start, the JIT's tiering-up
/// (a third of the process's CPU in a 20 s drain) and the tail (the last batches and the saga catching up).
/// </summary>
internal sealed class SteadyWindow
{
    private readonly record struct Sample(long Timestamp, long Signals, TimeSpan Process, TimeSpan Postgres, TimeSpan Broker);

    private readonly Task<(Sample From, Sample To)?> _sampling;

    private SteadyWindow(Task<(Sample, Sample)?> sampling) => _sampling = sampling;

    public static SteadyWindow Start(StageTotals stages, long total, string database, int? brokerPid, CancellationToken ct) =>
        new(SampleAsync(stages, total, database, brokerPid, ct));

    private static async Task<(Sample, Sample)?> SampleAsync(StageTotals stages, long total, string database, int? brokerPid, CancellationToken ct)
    {
        Sample Now() => new(Stopwatch.GetTimestamp(), stages.Signals, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime,
            ServerCpu.Postgres(database), ServerCpu.Broker(brokerPid));
        try
        {
            while (stages.Signals < total / 4)
                await Task.Delay(10, ct);
            var from = Now();
            while (stages.Signals < total * 3 / 4)
                await Task.Delay(10, ct);
            return (from, Now());
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Prints the window's figures, or that the run never reached three quarters.</summary>
    /// <param name="idleProcess">CPU this process, PostgreSQL and the broker burn per second with no signal (measured after
    /// the run): taken off, as it does not grow with the signals.</param>
    public async Task PrintAsync(TextWriter output, bool withPublisher, TimeSpan idleProcess, TimeSpan idlePostgres, TimeSpan idleBroker)
    {
        if (await _sampling is not var (from, to))
        {
            output.WriteLine("steady          the run did not reach three quarters of its signals");
            return;
        }

        var signals = Math.Max(to.Signals - from.Signals, 1);
        var seconds = Stopwatch.GetElapsedTime(from.Timestamp, to.Timestamp).TotalSeconds;
        double Us(TimeSpan cpu, TimeSpan idlePerSecond) => Math.Max(0, cpu.TotalMilliseconds - idlePerSecond.TotalMilliseconds * seconds) * 1000 / signals;
        var process = Us(to.Process - from.Process, idleProcess);
        var postgres = Us(to.Postgres - from.Postgres, idlePostgres);
        var broker = Us(to.Broker - from.Broker, idleBroker);
        output.WriteLine($"steady          {signals} signals (25 % → 75 %) in {seconds:0.0} s → {signals / seconds:0} signals/s; CPU per signal (idle taken off): "
            + $"{process:0} µs this process ({(withPublisher ? "Bridge + publisher" : "Bridge alone")}), {postgres:0} µs PostgreSQL, {broker:0} µs RabbitMQ "
            + $"→ ≈ {2_000_000 / Math.Max(process + postgres + broker, 1):0} signals/s on two free cores; with idle: "
            + $"{Us(to.Process - from.Process, TimeSpan.Zero):0} / {Us(to.Postgres - from.Postgres, TimeSpan.Zero):0} / {Us(to.Broker - from.Broker, TimeSpan.Zero):0} µs");
    }
}
