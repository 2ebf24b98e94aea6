using Bridge.Contracts.Messages;
using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Decides a request from a low level: min-max requests (max − current − on the way) rounded up to the pack size;
/// two-bin one bin; kanban one card's quantity per returned card (never more cards than circulate).
/// </summary>
public sealed class ReplenishmentPlanner(LineSideCatalog catalog, TimeProvider time)
{
    public ReplenishmentDecision Plan(ReplenishmentState state, decimal level, int cards)
    {
        if (catalog.Find(state.Location) is not { } location)
            return new ReplenishmentDecision.Hold($"location {state.Location} is no longer in line-side.yaml");

        var onTheWay = state.OpenRequestId is null ? 0m : Math.Max(0, state.OpenQuantity - state.OpenReceived);
        decimal quantity;
        switch (location.Mode)
        {
            case LineSideMode.Kanban:
                var bin = location.BinQuantity ?? location.PackSize;
                var wanted = cards > 0 ? cards : (int)Math.Ceiling((location.Max - level - onTheWay) / bin);
                var free = (location.Cards ?? 1) - (int)Math.Ceiling(onTheWay / bin);
                var granted = Math.Min(wanted, free);
                if (granted <= 0)
                    return new ReplenishmentDecision.Hold($"no kanban card free ({location.Cards} circulate)");
                quantity = granted * bin;
                break;
            case LineSideMode.TwoBin:
                if (level > location.ReorderPoint)
                    return new ReplenishmentDecision.Hold($"level {level} is above the reorder point {location.ReorderPoint}");
                quantity = location.BinQuantity ?? location.PackSize;
                break;
            default:
                if (level > location.ReorderPoint)
                    return new ReplenishmentDecision.Hold($"level {level} is above the reorder point {location.ReorderPoint}");
                var need = location.Max - level - onTheWay;
                if (need <= 0)
                    return new ReplenishmentDecision.Hold($"{onTheWay} on the way already covers max {location.Max}");
                quantity = Math.Ceiling(need / location.PackSize) * location.PackSize;
                break;
        }

        state.Issued++;
        var id = ReplenishmentIds.Request(location.Id, state.Issued);
        state.OpenRequestId = id;
        state.OpenWarehouse = location.Warehouses[0];
        state.OpenQuantity = quantity;
        state.OpenReceived = 0;
        state.OpenAttempts = 1;
        state.OpenSince = time.GetUtcNow();
        state.LeadTime = location.LeadTime;
        state.PendingCards = 0;
        return new ReplenishmentDecision.Request(Requested(state, location, quantity, "1"));
    }

    /// <summary>The one re-request after a timeout: what is still missing, under the same replenishment id.</summary>
    public ReplenishmentRequested? Repeat(ReplenishmentState state)
    {
        if (state.OpenRequestId is null || catalog.Find(state.Location) is not { } location)
            return null;
        state.OpenAttempts++;
        return Requested(state, location, Math.Max(0, state.OpenQuantity - state.OpenReceived), state.OpenAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public ReplenishmentOverdue Overdue(ReplenishmentState state)
    {
        var location = catalog.Find(state.Location);
        var id = state.OpenRequestId ?? "";
        return new ReplenishmentOverdue
        {
            MessageId = ReplenishmentIds.Message(id, "overdue"),
            CorrelationId = id,
            Source = ProcessSource.Bridge,
            OccurredAt = time.GetUtcNow(),
            ReplenishmentId = id,
            Location = state.Location,
            Line = location?.Line,
            Material = location?.Material ?? "",
            Missing = Math.Max(0, state.OpenQuantity - state.OpenReceived),
            Unit = location?.Unit ?? "",
            Warehouse = state.OpenWarehouse ?? "",
            RequestedAt = state.OpenSince ?? time.GetUtcNow(),
        };
    }

    private ReplenishmentRequested Requested(ReplenishmentState state, LineSideLocation location, decimal quantity, string attempt) => new()
    {
        MessageId = ReplenishmentIds.Message(state.OpenRequestId!, attempt),
        CorrelationId = state.OpenRequestId!,
        Source = ProcessSource.Bridge,
        OccurredAt = time.GetUtcNow(),
        ReplenishmentId = state.OpenRequestId!,
        Location = location.Id,
        Warehouse = state.OpenWarehouse!,
        Line = location.Line,
        Material = location.Material,
        Quantity = quantity,
        Unit = location.Unit,
    };
}
