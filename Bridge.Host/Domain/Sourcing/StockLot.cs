using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// Stock of one material/lot at one warehouse, as sourcing sees it: status, expiry (FEFO), receipt (FIFO) and owner
/// (null: the warehouse's default owner).
/// </summary>
public sealed record StockLot(
    string Warehouse,
    string Material,
    string? Lot,
    decimal Quantity,
    string Unit,
    InventoryStatus Status = InventoryStatus.Available,
    DateOnly? ExpiresOn = null,
    DateTimeOffset? ReceivedAt = null,
    string? Owner = null,
    string? Location = null);
