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

    // Sourcing and transfers between sites (material request sourcing, Processes/Transfers).

    /// <summary>
    /// Atomically holds the lines <paramref name="plan"/> chooses from the free stock of <paramref name="materials"/>.
    /// Idempotent per reservation id like <see cref="ReserveAsync(string, IReadOnlyList{MaterialLine}, IReadOnlySet{string}, CancellationToken)"/>.
    /// </summary>
    Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct);

    /// <summary>
    /// Adds the lines <paramref name="plan"/> chooses to the reservation (creating it when absent). Not idempotent on its
    /// own: call it in the transaction of the state change that records the lines.
    /// </summary>
    Task<IReadOnlyList<MaterialLine>?> ReserveMoreAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct);

    /// <summary>Releases what the reservation holds in one warehouse; returns the materials that became available again. Idempotent.</summary>
    Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, string warehouse, CancellationToken ct);

    /// <summary>
    /// Reserved <paramref name="lines"/> (at their source warehouses) arrived at <paramref name="toWarehouse"/>: each
    /// leaves its source bin, is added to the bin (<paramref name="toWarehouse"/>, material, lot, <paramref name="toLocation"/>)
    /// as of <paramref name="arrivedAt"/>, and the reservation now holds it there. Lines the reservation no longer holds
    /// at the source are skipped, so a repeated call moves nothing twice. Returns the lines moved.
    /// </summary>
    Task<IReadOnlyList<MaterialLine>> TransferAsync(
        string reservationId, IReadOnlyList<MaterialLine> lines, string toWarehouse, string toLocation, DateTimeOffset arrivedAt, CancellationToken ct);
}
