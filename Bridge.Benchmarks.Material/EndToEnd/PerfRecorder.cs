using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// <c>perf record -g</c> of this process (the host) between <see cref="Start"/> and <see cref="StopAsync"/>, written to
/// the file <c>BRIDGE_BENCH_PERF</c> names; on only when it is set. Managed frames have names only when the process
/// started with <c>DOTNET_PerfMapEnabled=1</c> (bench/material.sh sets it with the variable).
/// </summary>
internal sealed class PerfRecorder : IDisposable
{
    private const int SigInt = 2;
    private readonly string _output;
    private Process? _perf;

    private PerfRecorder(string output) => _output = output;

    public string Output => _output;

    public static PerfRecorder? CreateIfAsked() =>
        Environment.GetEnvironmentVariable("BRIDGE_BENCH_PERF") is { Length: > 0 } path ? new PerfRecorder(Path.GetFullPath(path)) : null;

    public void Start()
    {
        var start = new ProcessStartInfo("perf")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "record", "-F", "997", "-g", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", _output })
        {
            start.ArgumentList.Add(argument);
        }

        _perf = Process.Start(start) ?? throw new InvalidOperationException("perf did not start");
    }

    /// <summary>Stops perf as Ctrl-C does, so that it writes its file out.</summary>
    public async Task StopAsync()
    {
        if (_perf is null)
        {
            return;
        }

        _ = Kill(_perf.Id, SigInt);
        await _perf.WaitForExitAsync();
        var error = await _perf.StandardError.ReadToEndAsync();
        if (!File.Exists(_output))
        {
            throw new InvalidOperationException("perf wrote no " + _output + ": " + error);
        }
    }

    public void Dispose() => _perf?.Dispose();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
