using System.Collections.Concurrent;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>Embedded mode: delivered pairs live as long as the process (as the in-memory bus does).</summary>
public sealed class InMemoryOutboundDeliveryLog : IOutboundDeliveryLog
{
    private readonly ConcurrentDictionary<(Guid, string), DateTimeOffset> _delivered = new();

    public Task<bool> WasDeliveredAsync(Guid messageId, string system, CancellationToken ct) =>
        Task.FromResult(_delivered.ContainsKey((messageId, system)));

    public Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct)
    {
        _delivered.TryAdd((messageId, system), at);
        return Task.CompletedTask;
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var removed = 0;
        foreach (var (key, at) in _delivered)
        {
            if (at < cutoff && _delivered.TryRemove(key, out _))
                removed++;
        }

        return Task.FromResult(removed);
    }
}
