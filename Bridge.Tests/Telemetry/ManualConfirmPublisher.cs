using System.Collections.Concurrent;
using Bridge.Host.Pipeline.Telemetry;

namespace Bridge.Tests.Telemetry;

/// <summary>A bus whose confirms the test gives, batch by batch, in any order it likes.</summary>
internal sealed class ManualConfirmPublisher : ITelemetryPublisher
{
    private readonly ConcurrentQueue<SentBatch> _sent = new();

    public IReadOnlyList<SentBatch> Sent => _sent.ToArray();

    public Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct)
    {
        var confirm = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sent.Enqueue(new SentBatch(records, mayReconnect, confirm));
        return Task.FromResult(confirm.Task);
    }

    internal sealed record SentBatch(IReadOnlyList<TelemetryRecord> Records, bool MayReconnect, TaskCompletionSource<int> Confirm);
}
