using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Tests.Orchestration.MaterialRequests.Soak;

/// <summary>
/// The WMS side of the soak: the true quantity of every bin, and one logical clock that orders its stock reports and
/// pick confirmations as a real WMS's timestamps would. A report carries the bin's true quantity at its time; a
/// confirmation takes the picked quantity out of the truth at its time. What was last reported per bin, and when each
/// pick order was first confirmed, is kept for the invariant "stock = reported − picked".
/// </summary>
internal sealed class SoakWarehouse
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private readonly object _gate = new();
    private readonly Dictionary<SoakBin, decimal> _truth = [];
    private readonly Dictionary<SoakBin, (decimal Quantity, DateTimeOffset AsOf)> _lastReported = [];
    private readonly Dictionary<string, DateTimeOffset> _firstConfirmed = new(StringComparer.Ordinal);
    private long _tick;

    public IReadOnlyCollection<SoakBin> Bins
    {
        get
        {
            lock (_gate)
            {
                return _truth.Keys.ToList();
            }
        }
    }

    /// <summary>Stock arrives (or the first count of a bin): the report carries the new true quantity.</summary>
    public InventoryChanged Receive(SoakBin bin, decimal quantity)
    {
        lock (_gate)
        {
            var now = Tick();
            var total = _truth.GetValueOrDefault(bin) + quantity;
            _truth[bin] = total;
            _lastReported[bin] = (total, now);
            return new InventoryChanged
            {
                MessageId = NewId.NextGuid(),
                CorrelationId = bin.Material,
                Source = "wms-a",
                OccurredAt = now,
                Record = new InventoryRecord
                {
                    Warehouse = bin.Warehouse, Material = bin.Material, Lot = SoakBin.Lot, Location = bin.Location, Quantity = total, Unit = "pcs",
                },
            };
        }
    }

    /// <summary>The WMS picked the order: its lines leave the truth now; a second call (a resend) keeps the first time.</summary>
    public PickConfirmed Confirm(PickOrderIssued pick)
    {
        lock (_gate)
        {
            if (!_firstConfirmed.TryGetValue(pick.PickOrderId, out var at))
            {
                at = Tick();
                _firstConfirmed[pick.PickOrderId] = at;
                foreach (var line in pick.Lines)
                {
                    var bin = new SoakBin(line.Warehouse!, line.Material, line.Location!);
                    _truth[bin] = _truth.GetValueOrDefault(bin) - line.Quantity;
                }
            }

            return new PickConfirmed
            {
                MessageId = NewId.NextGuid(),
                CorrelationId = pick.PickOrderId,
                Source = "wms-a",
                OccurredAt = at,
                PickOrderId = pick.PickOrderId,
                Lines = pick.Lines,
            };
        }
    }

    public (decimal Quantity, DateTimeOffset AsOf) LastReported(SoakBin bin)
    {
        lock (_gate)
        {
            return _lastReported[bin];
        }
    }

    public DateTimeOffset? FirstConfirmed(string pickOrderId)
    {
        lock (_gate)
        {
            return _firstConfirmed.TryGetValue(pickOrderId, out var at) ? at : null;
        }
    }

    private DateTimeOffset Tick() => Epoch.AddMilliseconds(++_tick);
}
