using Bridge.Contracts.Messages;
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
    RequestOrder requestOrder,
    MaterialRequestJournal journal,
    IOptions<MaterialRequestSettings> settings,
    RequestSourcing sourcing,
    IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    /// <summary>
    /// The request's kit: sourced across sites (with transfers) when config/warehouses.yaml knows the order's plant,
    /// else from the stock view with the plant's own warehouses preferred.
    /// </summary>
    public async Task<KitOutcome> ReserveAsync(MaterialRequestState state, CancellationToken ct)
    {
        var order = (await requestOrder.ReadAsync(state.OrderId, ct)).Order;
        if (order is not null && sourcing.Knows(order))
        {
            try
            {
                return await sourcing.ReserveAsync(state, order, ct);
            }
            catch (KitQuantityException e)
            {
                return new KitOutcome.Rejected(e.Message);
            }
        }

        var outcome = await ReserveAsync(state, order, state.Required, MaterialRequestIds.ReservationId(state.RequestId, 0), firstPick: 0, ct);
        if (outcome is KitOutcome.Reserved reserved)
        {
            state.Picks = reserved.Picks.ToList();
        }

        return outcome;
    }

    /// <summary>
    /// Reserves <paramref name="lines"/> (all or nothing) under <paramref name="reservationId"/> and plans one pick order
    /// per warehouse, numbered from <paramref name="firstPick"/>; the caller adds them to the request.
    /// </summary>
    public async Task<KitOutcome> ReserveAsync(MaterialRequestState state, IReadOnlyList<Contracts.Model.MaterialLine> lines, string reservationId,
        int firstPick, CancellationToken ct) =>
        await ReserveAsync(state, (await requestOrder.ReadAsync(state.OrderId, ct)).Order, lines, reservationId, firstPick, ct);

    private async Task<KitOutcome> ReserveAsync(MaterialRequestState state, ProductionOrderReleased? order, IReadOnlyList<Contracts.Model.MaterialLine> lines,
        string reservationId, int firstPick, CancellationToken ct)
    {
        var preferred = order is not null && settings.Value.PlantWarehouses.TryGetValue(order.Plant, out var own)
            ? own.ToHashSet(StringComparer.Ordinal)
            : [];

        try
        {
            var allocation = await stock.ReserveAsync(reservationId, lines, preferred, ct);
            if (allocation is null)
            {
                var available = await stock.GetAvailableAsync(lines.Select(r => r.Material).Distinct(StringComparer.Ordinal).ToList(), ct);
                var kit = KitCalculator.Check(lines, available, _units);
                state.LastKit = kit.Lines.ToList();
                journal.Record(state, "short", string.Join(", ", kit.Shortages.Select(s => $"{s.Material} short {s.Shortage} {s.Unit}")));
                return new KitOutcome.Short(kit);
            }

            state.LastKit = [];
            var picks = MaterialRequestPicks.Plan(state, allocation, firstPick, reservationId);
            journal.Record(state, "reserved", string.Join("; ", picks.Select(p => $"{p.Warehouse}: {p.Lines.Count} line(s)")));
            return new KitOutcome.Reserved(picks);
        }
        catch (KitQuantityException e)
        {
            return new KitOutcome.Rejected(e.Message);
        }
    }

    /// <summary>The pick's lines leave the stock at the WMS's confirmation time.</summary>
    public Task ConsumeAsync(MaterialRequestState state, PickOrderTrack pick, DateTimeOffset pickedAt, CancellationToken ct) =>
        stock.ConsumeAsync(ReservationOf(state, pick), pick.Warehouse, pickedAt, ct);

    /// <summary>Releases every reservation the request holds (its first plan and each re-plan). Idempotent.</summary>
    public async Task<StockReleased> ReleaseAsync(MaterialRequestState state, CancellationToken ct)
    {
        var materials = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reservation in state.Picks.Select(p => ReservationOf(state, p)).Append(state.RequestId).Distinct(StringComparer.Ordinal))
        {
            materials.UnionWith(await stock.ReleaseAsync(reservation, ct));
        }

        if (materials.Count > 0)
        {
            journal.Record(state, "released", $"reservation of {string.Join(", ", materials)} released");
        }

        return new StockReleased(materials.ToList());
    }

    private static string ReservationOf(MaterialRequestState state, PickOrderTrack pick) =>
        pick.ReservationId.Length > 0 ? pick.ReservationId : state.RequestId;
}
