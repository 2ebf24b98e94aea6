using System.Collections.Concurrent;
using Bridge.Host.Pipeline.Telemetry;

namespace Bridge.Tests.Telemetry;

/// <summary>A bus the test switches on and off; keeps what it confirmed, in order. While <see cref="Hold"/> is set, publishing waits on it.</summary>
internal sealed class ScriptedPublisher : ITelemetryPublisher
{
    private readonly ConcurrentQueue<TelemetryRecord> _confirmed = new();

    public volatile bool Up = true;

    public TaskCompletionSource? Hold { get; set; }

    public IReadOnlyCollection<TelemetryRecord> Confirmed => _confirmed;

    public int Attempts;

    /// <summary>Thrown by the next send (then cleared): a publisher failing in a way it does not promise.</summary>
    public Exception? ThrowOnce { get; set; }

    public async Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct)
    {
        Interlocked.Increment(ref Attempts);
        if (ThrowOnce is { } fault)
        {
            ThrowOnce = null;
            throw fault;
        }

        if (Hold is { } hold)
            await hold.Task.WaitAsync(ct);
        if (!Up)
            return Task.FromResult(0);
        foreach (var record in records)
            _confirmed.Enqueue(record);
        return Task.FromResult(records.Count);
    }
}
