using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Stock;

/// <summary>The stock view of the embedded mode: process memory, one lock.</summary>
public sealed class InMemoryStockView(IUnitConverter? units = null) : IStockView
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string, string, string, InventoryStatus), StockEntry> _entries = new();
    private readonly Dictionary<string, IReadOnlyList<MaterialLine>> _reservations = new(StringComparer.Ordinal);

    public Task ApplyAsync(InventoryRecord record, CancellationToken ct)
    {
        lock (_gate)
        {
            Put(StockEntry.From(record));
        }

        return Task.CompletedTask;
    }

    public Task ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, CancellationToken ct)
    {
        lock (_gate)
        {
            foreach (var key in _entries.Keys.Where(k => k.Item1 == warehouse).ToList())
            {
                _entries.Remove(key);
            }

            foreach (var record in records)
            {
                Put(StockEntry.From(record));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Available(materials));
        }
    }

    public Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<StockEntry> list = _entries.Values
                .Where(e => material is null || e.Material == material)
                .OrderBy(e => e.Material).ThenBy(e => e.Warehouse).ThenBy(e => e.Location)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_reservations.TryGetValue(reservationId, out var existing))
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(existing);
            }

            var available = Available(required.Select(r => r.Material).ToList());
            if (!KitCalculator.Check(required, available, _units).Complete)
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(null);
            }

            var allocation = StockAllocator.Allocate(required, available, preferredWarehouses, _units);
            _reservations[reservationId] = allocation;
            return Task.FromResult<IReadOnlyList<MaterialLine>?>(allocation);
        }
    }

    public Task ReleaseAsync(string reservationId, CancellationToken ct)
    {
        lock (_gate)
        {
            _reservations.Remove(reservationId);
        }

        return Task.CompletedTask;
    }

    private void Put(StockEntry entry)
    {
        var key = (entry.Warehouse, entry.Material, entry.Lot, entry.Location, entry.Status);
        if (entry.Quantity <= 0m)
        {
            _entries.Remove(key);
        }
        else
        {
            _entries[key] = entry;
        }
    }

    private IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> Available(IReadOnlyCollection<string> materials)
    {
        var wanted = materials.ToHashSet(StringComparer.Ordinal);
        return StockAvailability.Compute(
            _entries.Values.Where(e => wanted.Contains(e.Material)),
            _reservations.Values.SelectMany(r => r).Where(r => wanted.Contains(r.Material)));
    }
}
