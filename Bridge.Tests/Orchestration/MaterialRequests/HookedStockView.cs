using Bridge.Contracts.Model;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>The real stock view with a hook after a successful reservation (still inside the saga's transaction).</summary>
public sealed class HookedStockView(IStockView inner, RaceHooks hooks) : IStockView
{
    public Task<StockUpdate> ApplyAsync(InventoryRecord record, DateTimeOffset asOf, CancellationToken ct) => inner.ApplyAsync(record, asOf, ct);

    public Task<StockUpdate> ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, DateTimeOffset asOf, CancellationToken ct) =>
        inner.ReplaceWarehouseAsync(warehouse, records, asOf, ct);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct) =>
        inner.GetAvailableAsync(materials, ct);

    public Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct) => inner.ListAsync(material, ct);

    public async Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct)
    {
        var reserved = await inner.ReserveAsync(reservationId, required, preferredWarehouses, ct);
        if (reserved is not null)
        {
            await hooks.Reserved.PassAsync();
        }

        return reserved;
    }

    public Task ConsumeAsync(string reservationId, string warehouse, DateTimeOffset pickedAt, CancellationToken ct) =>
        inner.ConsumeAsync(reservationId, warehouse, pickedAt, ct);

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, CancellationToken ct) => inner.ReleaseAsync(reservationId, ct);

    public Task<IReadOnlyList<StockReservation>> ListReservationsAsync(CancellationToken ct) => inner.ListReservationsAsync(ct);

    public async Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct)
    {
        var reserved = await inner.ReserveAsync(reservationId, materials, plan, ct);
        if (reserved is not null)
        {
            await hooks.Reserved.PassAsync();
        }

        return reserved;
    }

    public Task<IReadOnlyList<MaterialLine>?> ReserveMoreAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        inner.ReserveMoreAsync(reservationId, materials, plan, ct);

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, string warehouse, CancellationToken ct) => inner.ReleaseAsync(reservationId, warehouse, ct);

    public Task<IReadOnlyList<MaterialLine>> TransferAsync(
        string reservationId, IReadOnlyList<MaterialLine> lines, string toWarehouse, string toLocation, DateTimeOffset arrivedAt, CancellationToken ct) =>
        inner.TransferAsync(reservationId, lines, toWarehouse, toLocation, arrivedAt, ct);
}
