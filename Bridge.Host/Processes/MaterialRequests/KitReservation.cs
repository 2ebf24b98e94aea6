using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Domain.Stock;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// A request's hold on stock: reserve the whole kit or nothing (planning the pick orders), let picked lines leave the
/// stock, release what is left. In production these run in the saga's transaction, so a reservation is never kept by
/// a state change that did not commit. A plant config/warehouses.yaml knows is sourced across sites by
/// <see cref="RequestSourcing"/>; any other plant prefers the warehouses of <see cref="MaterialRequestSettings.PlantWarehouses"/>.
/// </summary>
public sealed class KitReservation(
    IStockView stock,
    IProductionOrderStore orders,
    MaterialRequestJournal journal,
    IOptions<MaterialRequestSettings> settings,
    RequestSourcing sourcing,
    IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    public async Task<KitOutcome> ReserveAsync(MaterialRequestState state, CancellationToken ct)
    {
        var order = await orders.FindAsync(state.OrderId, ct);
        if (sourcing.Knows(order))
        {
            try
            {
                return await sourcing.ReserveAsync(state, order!, ct);
            }
            catch (KitQuantityException e)
            {
                return new KitOutcome.Rejected(e.Message);
            }
        }

        var preferred = order is not null && settings.Value.PlantWarehouses.TryGetValue(order.Plant, out var own)
            ? own.ToHashSet(StringComparer.Ordinal)
            : [];

        try
        {
            var allocation = await stock.ReserveAsync(state.RequestId, state.Required, preferred, ct);
            if (allocation is null)
            {
                var available = await stock.GetAvailableAsync(state.Required.Select(r => r.Material).Distinct(StringComparer.Ordinal).ToList(), ct);
                var kit = KitCalculator.Check(state.Required, available, _units);
                state.LastKit = kit.Lines.ToList();
                journal.Record(state, "short", string.Join(", ", kit.Shortages.Select(s => $"{s.Material} short {s.Shortage} {s.Unit}")));
                return new KitOutcome.Short(kit);
            }

            state.LastKit = [];
            state.Picks = MaterialRequestPicks.Plan(state, allocation);
            journal.Record(state, "reserved", string.Join("; ", state.Picks.Select(p => $"{p.Warehouse}: {p.Lines.Count} line(s)")));
            return new KitOutcome.Reserved(state.Picks);
        }
        catch (KitQuantityException e)
        {
            return new KitOutcome.Rejected(e.Message);
        }
    }

    /// <summary>The pick's lines leave the stock at the WMS's confirmation time.</summary>
    public Task ConsumeAsync(MaterialRequestState state, PickOrderTrack pick, DateTimeOffset pickedAt, CancellationToken ct) =>
        stock.ConsumeAsync(state.RequestId, pick.Warehouse, pickedAt, ct);

    public async Task<StockReleased> ReleaseAsync(MaterialRequestState state, CancellationToken ct)
    {
        var materials = await stock.ReleaseAsync(state.RequestId, ct);
        if (materials.Count > 0)
        {
            journal.Record(state, "released", $"reservation of {string.Join(", ", materials)} released");
        }

        return new StockReleased(materials);
    }
}
