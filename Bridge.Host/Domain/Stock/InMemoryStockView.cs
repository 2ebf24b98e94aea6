using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Stock;

/// <summary>The stock view of the embedded mode: process memory, one lock.</summary>
public sealed class InMemoryStockView(IUnitConverter? units = null, TimeProvider? time = null) : IStockView
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<StockBin, List<StockEntry>> _bins = new();
    private readonly Dictionary<string, (List<MaterialLine> Lines, DateTimeOffset CreatedAt)> _reservations = new(StringComparer.Ordinal);
    private readonly List<StockPick> _picks = [];

    public Task<StockUpdate> ApplyAsync(InventoryRecord record, DateTimeOffset asOf, CancellationToken ct)
    {
        var incoming = StockEntry.From(record, asOf);
        lock (_gate)
        {
            var now = _bins.GetValueOrDefault(incoming.Bin) ?? [];
            if (StockLedger.Change(now, incoming, _picks) is not { } rows)
            {
                return Task.FromResult(StockUpdate.Stale);
            }

            _bins[incoming.Bin] = rows.ToList();
            _picks.RemoveAll(p => p.Bin == incoming.Bin && p.PickedAt <= asOf);
            return Task.FromResult(new StockUpdate(true, StockLedger.MoreAvailable(now, rows)));
        }
    }

    public Task<StockUpdate> ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, DateTimeOffset asOf, CancellationToken ct)
    {
        lock (_gate)
        {
            var before = _bins.Where(b => b.Key.Warehouse == warehouse).SelectMany(b => b.Value).ToList();
            var rewrite = StockLedger.Snapshot(before, records.Select(r => StockEntry.From(r, asOf)).ToList(), asOf, _picks);
            foreach (var (bin, rows) in rewrite)
            {
                _bins[bin] = rows.ToList();
                _picks.RemoveAll(p => p.Bin == bin && p.PickedAt <= asOf);
            }

            var after = _bins.Where(b => b.Key.Warehouse == warehouse).SelectMany(b => b.Value);
            return Task.FromResult(new StockUpdate(true, StockLedger.MoreAvailable(before, after)));
        }
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
            IReadOnlyList<StockEntry> list = _bins.Values.SelectMany(rows => rows)
                .Where(e => e.Quantity > 0m && (material is null || e.Material == material))
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
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(existing.Lines);
            }

            var available = Available(required.Select(r => r.Material).ToList());
            if (!KitCalculator.Check(required, available, _units).Complete)
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(null);
            }

            if (StockPlan.TryAllocate(required, available, preferredWarehouses, _units) is not { } allocation)
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(null);
            }

            _reservations[reservationId] = (allocation.ToList(), _time.GetUtcNow());
            return Task.FromResult<IReadOnlyList<MaterialLine>?>(allocation);
        }
    }

    public Task ConsumeAsync(string reservationId, string warehouse, DateTimeOffset pickedAt, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue(reservationId, out var reservation))
            {
                return Task.CompletedTask;
            }

            foreach (var line in reservation.Lines.Where(l => (l.Warehouse ?? "") == warehouse))
            {
                var bin = new StockBin(warehouse, line.Material, line.Lot ?? "", line.Location ?? "");
                var rows = _bins.GetValueOrDefault(bin) ?? [];
                if (StockLedger.PickIsNewer(rows, pickedAt))
                {
                    _bins[bin] = StockLedger.Pick(rows, line.Quantity).ToList();
                    _picks.Add(new StockPick(bin, pickedAt, line.Quantity));
                }
            }

            reservation.Lines.RemoveAll(l => (l.Warehouse ?? "") == warehouse);
            if (reservation.Lines.Count == 0)
            {
                _reservations.Remove(reservationId);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<string> materials = _reservations.Remove(reservationId, out var released)
                ? released.Lines.Select(l => l.Material).Distinct(StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(materials);
        }
    }

    public Task<IReadOnlyList<StockReservation>> ListReservationsAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<StockReservation> list = _reservations.Select(r => new StockReservation(r.Key, r.Value.CreatedAt)).ToList();
            return Task.FromResult(list);
        }
    }

    private IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> Available(IReadOnlyCollection<string> materials)
    {
        var wanted = materials.ToHashSet(StringComparer.Ordinal);
        return StockAvailability.Compute(
            _bins.Values.SelectMany(rows => rows).Where(e => wanted.Contains(e.Material)),
            _reservations.Values.SelectMany(r => r.Lines).Where(r => wanted.Contains(r.Material)));
    }
}
