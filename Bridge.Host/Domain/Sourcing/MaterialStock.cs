using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// One material's stock as sourcing reads it, built once and shared by every check until that stock changes: only the
/// lots that can ever count (available status, quantity above zero), grouped by warehouse (ordinal order of the id),
/// within a warehouse in FEFO/FIFO order (<see cref="SourcingRules.WithinWarehouse"/>). Immutable: what a check takes is
/// kept by its <see cref="StockPool"/>.
/// </summary>
public sealed class MaterialStock
{
    private MaterialStock(string material, StockLot[] lots, WarehouseLots[] warehouses)
    {
        Material = material;
        Lots = lots;
        Warehouses = warehouses;
        Quantities = new decimal[lots.Length];
        ExpiryDays = new int[lots.Length];
        for (var i = 0; i < lots.Length; i++)
        {
            Quantities[i] = lots[i].Quantity;
            ExpiryDays[i] = lots[i].ExpiresOn is { } expires ? expires.DayNumber : int.MaxValue;
        }
    }

    public string Material { get; }

    /// <summary>Lots that can count, warehouse by warehouse.</summary>
    internal StockLot[] Lots { get; }

    /// <summary>Each lot's quantity when the index was built (a pool starts from a copy).</summary>
    internal decimal[] Quantities { get; }

    /// <summary>Each lot's expiry as <see cref="DateOnly.DayNumber"/>; <see cref="int.MaxValue"/> when it does not expire.</summary>
    internal int[] ExpiryDays { get; }

    internal WarehouseLots[] Warehouses { get; }

    public int LotCount => Lots.Length;

    public static MaterialStock Build(string material, IEnumerable<StockLot> lots)
    {
        var counting = new List<StockLot>();
        foreach (var lot in lots)
        {
            if (lot.Status == InventoryStatus.Available && lot.Quantity > 0m && string.Equals(lot.Material, material, StringComparison.Ordinal))
            {
                counting.Add(lot);
            }
        }

        counting.Sort(static (a, b) =>
        {
            var byWarehouse = string.CompareOrdinal(a.Warehouse, b.Warehouse);
            return byWarehouse != 0 ? byWarehouse : SourcingRules.WithinWarehouse(a, b);
        });

        var warehouses = new List<WarehouseLots>();
        for (var start = 0; start < counting.Count;)
        {
            var end = start + 1;
            while (end < counting.Count && string.Equals(counting[end].Warehouse, counting[start].Warehouse, StringComparison.Ordinal))
            {
                end++;
            }

            warehouses.Add(new WarehouseLots(counting[start].Warehouse, WarehouseOrdinals.Of(counting[start].Warehouse), start, end));
            start = end;
        }

        return new MaterialStock(material, counting.ToArray(), warehouses.ToArray());
    }

    /// <summary>The lots <c>[Start, End)</c> of one warehouse (<see cref="WarehouseOrdinals"/> gives its ordinal).</summary>
    internal readonly record struct WarehouseLots(string Warehouse, int Ordinal, int Start, int End);
}
