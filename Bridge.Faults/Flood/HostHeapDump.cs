using System.Diagnostics;

namespace Bridge.Faults.Flood;

/// <summary>
/// Optional, for finding what a floor holds: when <c>BRIDGE_FAULTS_GCDUMP_DIR</c> is set, R4 runs
/// <c>TOOL collect -p PID -o DIR/r4-seed{seed}-pass{n}.{kind}</c> on the host right after each pass's floor. TOOL is
/// <c>BRIDGE_FAULTS_GCDUMP_TOOL</c> (default <c>dotnet-gcdump</c> on PATH: objects by type, for <c>dotnet-gcdump report</c>;
/// <c>dotnet-dump</c> writes a full dump for <c>dotnet-dump analyze</c> and its <c>gcroot</c>). Neither tool is part of
/// the suite: install them yourself (<c>dotnet tool install --tool-path …</c>). A failed dump is reported, not fatal.
/// </summary>
public sealed class HostHeapDump(string directory, string tool)
{
    public static HostHeapDump? From(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("BRIDGE_FAULTS_GCDUMP_DIR", out var directory) && directory.Length > 0
            ? new HostHeapDump(directory, environment.TryGetValue("BRIDGE_FAULTS_GCDUMP_TOOL", out var tool) && tool.Length > 0 ? tool : "dotnet-gcdump")
            : null;

    /// <summary>Dumps the process; returns the file written, or why there is none.</summary>
    public async Task<string> CollectAsync(int pid, string name, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var kind = Path.GetFileNameWithoutExtension(tool).Contains("gcdump", StringComparison.Ordinal) ? "gcdump" : "dmp";
        var file = Path.Combine(directory, $"{name}.{kind}");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "collect", "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file }) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 && File.Exists(file) ? file : $"no dump ({tool} exited {process.ExitCode}: {(await error).Trim()} {(await output).Trim()})";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no dump ({tool}: {e.Message})";
        }
    }
}
