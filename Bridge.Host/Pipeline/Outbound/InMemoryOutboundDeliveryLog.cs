using System.Collections.Concurrent;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>Embedded mode: delivered pairs live as long as the process (as the in-memory bus does).</summary>
public sealed class InMemoryOutboundDeliveryLog : IOutboundDeliveryLog
{
    private readonly ConcurrentDictionary<(Guid, string), DateTimeOffset> _delivered = new();
    private readonly ConcurrentDictionary<(Guid, string), DateTimeOffset> _claims = new();

    public Task<bool> WasDeliveredAsync(Guid messageId, string system, CancellationToken ct) =>
        Task.FromResult(_delivered.ContainsKey((messageId, system)));

    public Task<DeliveryClaim> ClaimAsync(Guid messageId, string system, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var key = (messageId, system);
        if (_delivered.ContainsKey(key))
            return Task.FromResult(DeliveryClaim.Delivered);
        while (true)
        {
            if (_claims.TryGetValue(key, out var held))
            {
                if (held > now)
                    return Task.FromResult(DeliveryClaim.ClaimedElsewhere);
                if (_claims.TryUpdate(key, until, held))
                    return Task.FromResult(DeliveryClaim.Claimed);
            }
            else if (_claims.TryAdd(key, until))
            {
                return Task.FromResult(DeliveryClaim.Claimed);
            }
        }
    }

    public Task ReleaseClaimAsync(Guid messageId, string system, CancellationToken ct)
    {
        _claims.TryRemove((messageId, system), out _);
        return Task.CompletedTask;
    }

    public Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct)
    {
        _delivered.TryAdd((messageId, system), at);
        _claims.TryRemove((messageId, system), out _);
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

        foreach (var (key, until) in _claims)
        {
            if (until < cutoff)
                _claims.TryRemove(key, out _);
        }

        return Task.FromResult(removed);
    }
}
