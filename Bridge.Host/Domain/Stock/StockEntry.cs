using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>One row of the stock view: a quantity of a material/lot at a warehouse location with one status.</summary>
public sealed record StockEntry(
    string Warehouse,
    string Material,
    string Lot,
    string Location,
    InventoryStatus Status,
    decimal Quantity,
    string Unit,
    DateOnly? ExpiresOn)
{
    public static StockEntry From(InventoryRecord record) => new(
        record.Warehouse, record.Material, record.Lot ?? "", record.Location ?? "", record.Status,
        record.Quantity, record.Unit, record.ExpiresOn);
}
