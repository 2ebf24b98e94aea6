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

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct) =>
        ReserveAsync(reservationId, required.Select(r => r.Material).ToList(), available =>
            KitCalculator.Check(required, available, _units).Complete ? StockPlan.TryAllocate(required, available, preferredWarehouses, _units) : null, ct);

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

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        Hold(reservationId, materials, plan, append: false);

    public Task<IReadOnlyList<MaterialLine>?> ReserveMoreAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        Hold(reservationId, materials, plan, append: true);

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, string warehouse, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue(reservationId, out var reservation))
            {
                return Task.FromResult<IReadOnlyList<string>>([]);
            }

            IReadOnlyList<string> materials = reservation.Lines.Where(l => (l.Warehouse ?? "") == warehouse)
                .Select(l => l.Material).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            reservation.Lines.RemoveAll(l => (l.Warehouse ?? "") == warehouse);
            if (reservation.Lines.Count == 0)
            {
                _reservations.Remove(reservationId);
            }

            return Task.FromResult(materials);
        }
    }

    public Task<IReadOnlyList<MaterialLine>> TransferAsync(
        string reservationId, IReadOnlyList<MaterialLine> lines, string toWarehouse, string toLocation, DateTimeOffset arrivedAt, CancellationToken ct)
    {
        lock (_gate)
        {
            var moved = new List<MaterialLine>();
            if (!_reservations.TryGetValue(reservationId, out var reservation))
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>>(moved);
            }

            foreach (var line in lines)
            {
                var held = reservation.Lines.FindIndex(l => StockTransfer.SameHold(l, line));
                if (held < 0)
                {
                    continue;
                }

                reservation.Lines.RemoveAt(held);
                DateOnly? expires = null;
                // The stock leaves its source bin like a pick, so a report older than the transfer does not bring it back.
                var sourceBin = StockTransfer.SourceBin(line);
                if (_bins.TryGetValue(sourceBin, out var source) && source.Count > 0)
                {
                    expires = source.FirstOrDefault(e => e.Status == InventoryStatus.Available)?.ExpiresOn;
                    if (StockLedger.PickIsNewer(source, arrivedAt))
                    {
                        _bins[sourceBin] = StockLedger.Pick(source, line.Quantity).ToList();
                        _picks.Add(new StockPick(sourceBin, arrivedAt, line.Quantity));
                    }
                }

                var arrived = StockTransfer.Arrived(line, toWarehouse, toLocation);
                var bin = new StockBin(toWarehouse, line.Material, line.Lot ?? "", toLocation);
                var rows = _bins.TryGetValue(bin, out var existing) ? existing : _bins[bin] = [];
                var available = rows.FindIndex(e => e.Status == InventoryStatus.Available);
                var entry = StockTransfer.Receive(available >= 0 ? rows[available] : null, bin, line, expires, arrivedAt);
                if (available >= 0)
                {
                    rows[available] = entry;
                }
                else
                {
                    rows.Add(entry);
                }

                reservation.Lines.Add(arrived);
                moved.Add(arrived);
            }

            return Task.FromResult<IReadOnlyList<MaterialLine>>(moved);
        }
    }

    private Task<IReadOnlyList<MaterialLine>?> Hold(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, bool append)
    {
        lock (_gate)
        {
            var exists = _reservations.TryGetValue(reservationId, out var existing);
            if (exists && !append)
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(existing.Lines);
            }

            if (plan(Available(materials)) is not { } allocation)
            {
                return Task.FromResult<IReadOnlyList<MaterialLine>?>(null);
            }

            if (exists)
            {
                existing.Lines.AddRange(allocation);
            }
            else
            {
                _reservations[reservationId] = (allocation.ToList(), _time.GetUtcNow());
            }

            return Task.FromResult<IReadOnlyList<MaterialLine>?>(allocation);
        }
    }
}
