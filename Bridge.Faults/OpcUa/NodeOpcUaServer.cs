using System.Diagnostics;
using System.Globalization;

namespace Bridge.Faults.OpcUa;

/// <summary>
/// The repository's node-opcua test server (tests/opcua-server/server.js) as a child process of a scenario, on a fixed
/// loopback port so it can be killed with SIGKILL and started again where the host expects it. Its counter
/// <c>ns=1;s=Counters.Fast</c> counts up every 100 ms from 0 at each start.
/// </summary>
public sealed class NodeOpcUaServer(string repositoryRoot, int port, string logFile) : IAsyncDisposable
{
    private Process? _process;

    public string Url => $"opc.tcp://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";

    private string Folder => Path.Combine(repositoryRoot, "tests", "opcua-server");

    /// <summary>Starts it and waits for its ready line (node-opcua loads its nodeset slowly on a loaded machine: up to 2 minutes).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = Folder })!;
            await npm.WaitForExitAsync(ct);
            if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci in {Folder} failed ({npm.ExitCode})");
        }
        var info = new ProcessStartInfo("node", $"server.js --port {port.ToString(CultureInfo.InvariantCulture)} --many 10")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.WriteLine(e.Data);
            if (e.Data.Contains("BRIDGE-OPCUA-READY", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (log) log.WriteLine(e.Data);
        };
        process.Exited += (_, _) =>
        {
            ready.TrySetException(new InvalidOperationException($"node-opcua exited before it was ready; log {logFile}"));
            lock (log) log.Dispose();
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
    }

    /// <summary>SIGKILL: the server's sessions and subscriptions are gone with it, no goodbye on the wire.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
