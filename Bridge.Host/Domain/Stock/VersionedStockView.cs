using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>The stock view with every change counted in <see cref="StockVersion"/> once the change returns (also when it fails: it may have half happened).</summary>
public sealed class VersionedStockView(IStockView inner, StockVersion version) : IStockView
{
    public Task<StockUpdate> ApplyAsync(InventoryRecord record, DateTimeOffset asOf, CancellationToken ct) =>
        Counted(inner.ApplyAsync(record, asOf, ct));

    public Task<StockUpdate> ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, DateTimeOffset asOf, CancellationToken ct) =>
        Counted(inner.ReplaceWarehouseAsync(warehouse, records, asOf, ct));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct) =>
        inner.GetAvailableAsync(materials, ct);

    public Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct) => inner.ListAsync(material, ct);

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct) =>
        Counted(inner.ReserveAsync(reservationId, required, preferredWarehouses, ct));

    public Task ConsumeAsync(string reservationId, string warehouse, DateTimeOffset pickedAt, CancellationToken ct) =>
        Counted(inner.ConsumeAsync(reservationId, warehouse, pickedAt, ct));

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, CancellationToken ct) => Counted(inner.ReleaseAsync(reservationId, ct));

    public Task<IReadOnlyList<StockReservation>> ListReservationsAsync(CancellationToken ct) => inner.ListReservationsAsync(ct);

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        Counted(inner.ReserveAsync(reservationId, materials, plan, ct));

    public Task<IReadOnlyList<MaterialLine>?> ReserveMoreAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        Counted(inner.ReserveMoreAsync(reservationId, materials, plan, ct));

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, string warehouse, CancellationToken ct) =>
        Counted(inner.ReleaseAsync(reservationId, warehouse, ct));

    public Task<IReadOnlyList<MaterialLine>> TransferAsync(
        string reservationId, IReadOnlyList<MaterialLine> lines, string toWarehouse, string toLocation, DateTimeOffset arrivedAt, CancellationToken ct) =>
        Counted(inner.TransferAsync(reservationId, lines, toWarehouse, toLocation, arrivedAt, ct));

    private async Task<T> Counted<T>(Task<T> change)
    {
        try
        {
            return await change.ConfigureAwait(false);
        }
        finally
        {
            version.Changed();
        }
    }

    private async Task Counted(Task change)
    {
        try
        {
            await change.ConfigureAwait(false);
        }
        finally
        {
            version.Changed();
        }
    }
}
