using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>The rules of a transfer's arrival, shared by both stores: which reserved line it is, where it lands, what the destination bin then holds.</summary>
public static class StockTransfer
{
    public static bool SameHold(MaterialLine held, MaterialLine line) =>
        (held.Warehouse ?? "") == (line.Warehouse ?? "") && held.Material == line.Material && (held.Lot ?? "") == (line.Lot ?? "")
        && (held.Location ?? "") == (line.Location ?? "") && held.Quantity == line.Quantity
        && string.Equals(held.Unit, line.Unit, StringComparison.OrdinalIgnoreCase);

    public static StockBin SourceBin(MaterialLine line) => new(line.Warehouse ?? "", line.Material, line.Lot ?? "", line.Location ?? "");

    /// <summary>The reserved line once it lies at the destination.</summary>
    public static MaterialLine Arrived(MaterialLine line, string toWarehouse, string toLocation) =>
        line with { Warehouse = toWarehouse, Location = toLocation.Length == 0 ? null : toLocation };

    /// <summary>The destination bin's available row after the arrival: what it held (if anything) plus the line.</summary>
    public static StockEntry Receive(StockEntry? before, StockBin bin, MaterialLine line, DateOnly? expiresOn, DateTimeOffset arrivedAt) =>
        before is null
            ? new StockEntry(bin.Warehouse, bin.Material, bin.Lot, bin.Location, InventoryStatus.Available, line.Quantity, line.Unit, expiresOn, arrivedAt)
            : before with { Quantity = before.Quantity + line.Quantity, AsOf = before.AsOf > arrivedAt ? before.AsOf : arrivedAt };
}
