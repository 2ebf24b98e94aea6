using System.Diagnostics;

namespace Bridge.Faults.Harness;

/// <summary>
/// Breaks and mends the suite's servers through scripts/faults-ctl.sh (BRIDGE_FAULTS_CTL):
/// <c>rabbitmq start|stop|kill</c>, <c>postgres start|stop|restart</c> (immediate mode), <c>mosquitto start|stop</c>.
/// </summary>
public sealed class ServerControl(FaultServers servers)
{
    public Task StopRabbitMqAsync(CancellationToken ct) => RunAsync("rabbitmq", "stop", ct);

    public Task StartRabbitMqAsync(CancellationToken ct) => RunAsync("rabbitmq", "start", ct);

    public Task KillRabbitMqAsync(CancellationToken ct) => RunAsync("rabbitmq", "kill", ct);

    /// <summary>Immediate-mode stop (no checkpoint: the next start recovers from the WAL, as after a crash).</summary>
    public Task StopPostgresAsync(CancellationToken ct) => RunAsync("postgres", "stop", ct);

    public Task StartPostgresAsync(CancellationToken ct) => RunAsync("postgres", "start", ct);

    public Task RestartPostgresAsync(CancellationToken ct) => RunAsync("postgres", "restart", ct);

    public Task StopMosquittoAsync(CancellationToken ct) => RunAsync("mosquitto", "stop", ct);

    public Task StartMosquittoAsync(CancellationToken ct) => RunAsync("mosquitto", "start", ct);

    /// <summary>Runs <c>ctl SERVER ACTION</c>; throws with its output when it fails.</summary>
    public async Task RunAsync(string server, string action, CancellationToken ct)
    {
        var info = new ProcessStartInfo(servers.ControlScript) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(server);
        info.ArgumentList.Add(action);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not run {servers.ControlScript}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = (await output + await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"faults-ctl.sh {server} {action} failed ({process.ExitCode}): {text}");
        }
    }
}
