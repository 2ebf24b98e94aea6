namespace Bridge.Faults;

/// <summary>What every scenario of one suite run shares: where the servers are, and how long the run may be.</summary>
/// <param name="Short">The short version (seconds instead of minutes, hundreds instead of thousands).</param>
/// <param name="WorkDirectory">A folder of this run's own (host logs, data); removed by ./faults.sh afterwards.</param>
public sealed record FaultRun(bool Short, string WorkDirectory, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>A setting ./faults.sh exported (BRIDGE_FAULTS_*); a clear error when it is missing.</summary>
    public string Setting(string name) =>
        Environment.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the suite through ./faults.sh");
}
