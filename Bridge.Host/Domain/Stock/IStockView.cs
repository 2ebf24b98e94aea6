using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// The one global view of every warehouse's inventory (from InventoryChanged / InventorySnapshot) minus reservations.
/// Kit checks and sourcing read it; the material request saga reserves through it. Each bin (warehouse, material, lot,
/// location) remembers the source time of its last report, so an older report never overwrites a newer one.
/// </summary>
public interface IStockView
{
    /// <summary>The bin now holds this (its other statuses are replaced), unless the bin already has a newer report.</summary>
    Task<StockUpdate> ApplyAsync(InventoryRecord record, DateTimeOffset asOf, CancellationToken ct);

    /// <summary>The warehouse's full stock as of <paramref name="asOf"/>: bins absent from it go to zero; bins with a newer report keep it.</summary>
    Task<StockUpdate> ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, DateTimeOffset asOf, CancellationToken ct);

    Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct);

    /// <summary>Bins with stock (zero-quantity bins, kept only to order later reports, are not listed).</summary>
    Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct);

    /// <summary>
    /// Atomically allocates and holds the lines. Idempotent per reservation id: a repeated call returns the existing
    /// reservation. Returns null when the stock does not cover the lines (nothing is held then).
    /// </summary>
    /// <exception cref="Orchestration.Kitting.KitQuantityException">The quantities cannot be worked with.</exception>
    Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct);

    /// <summary>
    /// The reservation's lines in <paramref name="warehouse"/> were picked at <paramref name="pickedAt"/> (the WMS's
    /// time): they leave the bins now, unless the WMS has already reported those bins after the pick. Idempotent.
    /// </summary>
    Task ConsumeAsync(string reservationId, string warehouse, DateTimeOffset pickedAt, CancellationToken ct);

    /// <summary>Releases what the reservation still holds; returns the materials that became available again. Idempotent.</summary>
    Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, CancellationToken ct);

    Task<IReadOnlyList<StockReservation>> ListReservationsAsync(CancellationToken ct);
}
