namespace Bridge.Host.Domain.KitWaits;

public sealed class InMemoryKitWaitRegistry : IKitWaitRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, HashSet<string>> _waits = new();

    public Task WaitAsync(Guid requestSagaId, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        lock (_gate)
        {
            _waits[requestSagaId] = materials.ToHashSet(StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid requestSagaId, CancellationToken ct)
    {
        lock (_gate)
        {
            _waits.Remove(requestSagaId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> FindWaitingAsync(IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<Guid> found = _waits.Where(w => w.Value.Overlaps(materials)).Select(w => w.Key).ToList();
            return Task.FromResult(found);
        }
    }
}
