using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// One row of the stock view: a quantity of a material/lot at a warehouse location with one status, as of the source's
/// time of the report (or of the pick Bridge subtracted).
/// </summary>
public sealed record StockEntry(
    string Warehouse,
    string Material,
    string Lot,
    string Location,
    InventoryStatus Status,
    decimal Quantity,
    string Unit,
    DateOnly? ExpiresOn,
    DateTimeOffset AsOf = default)
{
    public StockBin Bin => new(Warehouse, Material, Lot, Location);

    public static StockEntry From(InventoryRecord record, DateTimeOffset asOf) => new(
        record.Warehouse, record.Material, record.Lot ?? "", record.Location ?? "", record.Status,
        Math.Max(0m, record.Quantity), record.Unit, record.ExpiresOn, asOf);
}
