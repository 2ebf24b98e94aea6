using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// The one global view of every warehouse's inventory (from InventoryChanged / InventorySnapshot) minus reservations.
/// Kit checks and sourcing read it; the material request saga reserves through it.
/// </summary>
public interface IStockView
{
    Task ApplyAsync(InventoryRecord record, CancellationToken ct);

    Task ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, CancellationToken ct);

    Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct);

    Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct);

    /// <summary>
    /// Atomically allocates and holds the lines. Idempotent per reservation id: a repeated call returns the existing
    /// reservation. Returns null when the stock does not cover the lines (nothing is held then).
    /// </summary>
    Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct);

    Task ReleaseAsync(string reservationId, CancellationToken ct);
}
