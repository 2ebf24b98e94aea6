using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// Stock that is still free while a set of requirements is sourced: what one line takes is gone for the next line and
/// the next order, so nothing is counted twice. Indexed by material, then warehouse; lots in FEFO/FIFO order.
/// </summary>
public sealed class StockPool
{
    private readonly Dictionary<string, Dictionary<string, List<Slot>>> _byMaterial = new(StringComparer.Ordinal);

    public StockPool(IEnumerable<StockLot> lots)
    {
        foreach (var lot in lots)
        {
            if (!_byMaterial.TryGetValue(lot.Material, out var warehouses))
            {
                _byMaterial[lot.Material] = warehouses = new Dictionary<string, List<Slot>>(StringComparer.Ordinal);
            }

            if (!warehouses.TryGetValue(lot.Warehouse, out var slots))
            {
                warehouses[lot.Warehouse] = slots = [];
            }

            slots.Add(new Slot(lot) { Remaining = lot.Quantity });
        }

        foreach (var slots in _byMaterial.Values.SelectMany(w => w.Values))
        {
            slots.Sort((a, b) => SourcingRules.WithinWarehouse(a.Lot, b.Lot));
        }
    }

    /// <summary>From the stock view's available stock (available status only, reservations already subtracted).</summary>
    public static StockPool FromAvailable(IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> available, string defaultUnit = "pcs") =>
        new(available.SelectMany(m => m.Value.Select(s =>
            new StockLot(s.Warehouse, m.Key, s.Lot, s.Quantity, s.Unit ?? defaultUnit, InventoryStatus.Available, s.ExpiresOn, Location: s.Location))));

    internal IReadOnlyDictionary<string, List<Slot>> Of(string material) =>
        _byMaterial.TryGetValue(material, out var warehouses) ? warehouses : Empty;

    private static readonly Dictionary<string, List<Slot>> Empty = new();

    /// <summary>One lot and what of it is still free, in the lot's unit.</summary>
    internal sealed class Slot(StockLot lot)
    {
        public StockLot Lot { get; } = lot;

        public decimal Remaining { get; set; }
    }
}
