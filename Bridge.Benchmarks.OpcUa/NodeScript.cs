using System.Diagnostics;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>A node script from tests/opcua-server, its output lines watched for a marker.</summary>
internal sealed class NodeScript : IDisposable
{
    private readonly Process process;

    private NodeScript(Process process) => this.process = process;

    public event Action<string>? Line;

    public static async Task<NodeScript> StartAsync(string folder, string arguments, string readyMarker, TimeSpan timeout)
    {
        var process = Process.Start(new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"node {arguments} did not start");
        var script = new NodeScript(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            if (e.Data.Contains(readyMarker, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
            script.Line?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && !e.Data.Contains("verify_pcks", StringComparison.Ordinal) && !e.Data.Contains("CVE-2023", StringComparison.Ordinal))
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            script.Dispose();
            throw new InvalidOperationException($"node {arguments} printed no '{readyMarker}' within {timeout.TotalSeconds} s: {string.Join(" | ", errors.TakeLast(5))}");
        }
        return script;
    }

    /// <summary>
    /// Asks the script to stop on its own ("STOP" on stdin: the bench client deletes its subscription and closes its
    /// session) and waits for it, so the next phase meets a server that no longer serves that subscription.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }
        try
        {
            await process.StandardInput.WriteLineAsync("STOP");
            await process.StandardInput.FlushAsync();
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException)
        {
            Console.Error.WriteLine($"node script did not stop within {timeout.TotalSeconds} s; killing it");
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
    }
}
