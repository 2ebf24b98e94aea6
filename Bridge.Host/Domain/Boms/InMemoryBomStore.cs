using System.Collections.Concurrent;
using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Boms;

public sealed class InMemoryBomStore : IBomStore
{
    private readonly ConcurrentDictionary<string, BomPublished> _boms = new(StringComparer.Ordinal);

    public Task<bool> SaveAsync(BomPublished bom, CancellationToken ct)
    {
        while (true)
        {
            if (!_boms.TryGetValue(bom.Material, out var held))
            {
                if (_boms.TryAdd(bom.Material, bom))
                {
                    return Task.FromResult(true);
                }

                continue;
            }

            if (held.OccurredAt > bom.OccurredAt)
            {
                return Task.FromResult(false);
            }

            if (_boms.TryUpdate(bom.Material, bom, held))
            {
                return Task.FromResult(true);
            }
        }
    }

    public Task<IReadOnlyList<BomPublished>> ListAsync(CancellationToken ct)
    {
        IReadOnlyList<BomPublished> list = _boms.Values.OrderBy(b => b.Material, StringComparer.Ordinal).ToList();
        return Task.FromResult(list);
    }
}
