using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Re-plans a request after its production order changed. Requirements come again from the order book (the BOM for the
/// new quantity; lines MES gave stay as they are). A request not yet holding stock just takes the new requirements.
/// A picking request that needs more reserves the difference as a reservation of its own, with new pick orders; one
/// that needs less of anything cancels its unconfirmed pick orders, releases what it holds, and reserves what is still
/// missing beyond the confirmed picks. A change that alters nothing is recorded and changes nothing.
/// </summary>
public sealed class OrderChangePlanner(
    IProductionOrderStore orders,
    KitReservation kit,
    MaterialRequestJournal journal,
    IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    public async Task<ReplanOutcome> ReplanAsync(MaterialRequestState state, bool picking, CancellationToken ct)
    {
        var order = await orders.FindAsync(state.OrderId, ct);
        if (order is null)
        {
            return new ReplanOutcome.Unchanged();
        }

        RecordTimeAndLine(state, order.DueAt, order.Line);
        if (NewRequirements(state, order) is not { } required)
        {
            return new ReplanOutcome.Unchanged();
        }

        var before = Totals(state.Required);
        var after = Totals(required);
        if (before.Count == after.Count && after.All(a => before.TryGetValue(a.Key, out var b) && b.Unit == a.Value.Unit && b.Quantity == a.Value.Quantity))
        {
            journal.Record(state, "order-changed", $"order {state.OrderId} changed; the requirements stay the same");
            return new ReplanOutcome.Unchanged();
        }

        journal.Record(state, "order-changed", $"order {state.OrderId} changed: {Describe(before, after)}");
        state.Required = required.ToList();
        if (!picking)
        {
            return new ReplanOutcome.Revised();
        }

        // Less of anything (or another unit) means open picks no longer fit: they are cancelled and the rest planned anew.
        var less = after.Any(a => before.TryGetValue(a.Key, out var b) && (b.Unit != a.Value.Unit || a.Value.Quantity < b.Quantity))
                   || before.Keys.Any(k => !after.ContainsKey(k));
        return less ? await ReplanDownAsync(state, after, ct) : await ReplanUpAsync(state, before, after, ct);
    }

    private async Task<ReplanOutcome> ReplanUpAsync(
        MaterialRequestState state, Dictionary<string, MaterialLine> before, Dictionary<string, MaterialLine> after, CancellationToken ct)
    {
        var more = after.Values
            .Select(a => a with { Quantity = a.Quantity - (before.TryGetValue(a.Material, out var b) ? b.Quantity : 0m) })
            .Where(l => l.Quantity > 0m)
            .ToList();
        var (issued, shortage) = await ReserveAsync(state, more, ct);
        return new ReplanOutcome.Replanned([], issued, [], shortage, AllConfirmed: false);
    }

    private async Task<ReplanOutcome> ReplanDownAsync(MaterialRequestState state, Dictionary<string, MaterialLine> after, CancellationToken ct)
    {
        var cancelled = state.Picks.Where(p => !p.Confirmed && !p.Cancelled).ToList();
        foreach (var pick in cancelled)
        {
            pick.Cancelled = true;
        }

        var released = await kit.ReleaseAsync(state, ct);
        var confirmed = Covered(state.Picks.Where(p => p.Confirmed), after);
        var missing = after.Values
            .Select(a => a with { Quantity = a.Quantity - confirmed.GetValueOrDefault(a.Material) })
            .Where(l => l.Quantity > UnitMath.Tolerance)
            .ToList();
        var (issued, shortage) = await ReserveAsync(state, missing, ct);
        var live = state.Picks.Where(p => !p.Cancelled).ToList();
        return new ReplanOutcome.Replanned(cancelled, issued, released.Materials, shortage, AllConfirmed: live.All(p => p.Confirmed));
    }

    private async Task<(IReadOnlyList<PickOrderTrack> Issued, KitResult? Shortage)> ReserveAsync(
        MaterialRequestState state, IReadOnlyList<MaterialLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return ([], null);
        }

        state.Replans++;
        var reservationId = MaterialRequestIds.ReservationId(state.RequestId, state.Replans);
        switch (await kit.ReserveAsync(state, lines, reservationId, state.Picks.Count, ct))
        {
            case KitOutcome.Reserved reserved:
                state.Picks.AddRange(reserved.Picks);
                return (reserved.Picks, null);
            case KitOutcome.Short shortage:
                return ([], shortage.Kit);
            case KitOutcome.Rejected rejected:
                journal.Record(state, "order-change-not-reserved", rejected.Reason);
                return ([], null);
            default:
                return ([], null);
        }
    }

    /// <summary>The new requirements, or null when they cannot be worked out (recorded on the request with the reason).</summary>
    private IReadOnlyList<MaterialLine>? NewRequirements(MaterialRequestState state, Contracts.Messages.ProductionOrderReleased order)
    {
        if (state.LinesGiven || state.Required.Count == 0)
        {
            // MES's own lines are its word; a request still waiting for its order explodes the changed order when it arrives.
            return null;
        }

        var quantity = state.OrderQuantity is { } asked ? Math.Min(asked, order.Quantity) : order.Quantity;
        try
        {
            return RequirementMerger.Merge(BomExplosion.Explode(order.Bom, quantity), _units);
        }
        catch (Exception e) when (e is KitQuantityException or InvalidOperationException)
        {
            journal.Record(state, "order-change-not-applied", $"the changed order {state.OrderId} cannot be exploded: {e.Message}; the request keeps its plan");
            return null;
        }
    }

    private void RecordTimeAndLine(MaterialRequestState state, DateTimeOffset? dueAt, string? line)
    {
        if (dueAt is { } due && state.NeededBy != due)
        {
            journal.Record(state, "needed-by-changed", $"needed by {due:O} (was {state.NeededBy?.ToString("O") ?? "not set"})");
            state.NeededBy = due;
        }

        if (line is not null && !string.Equals(state.Line, line, StringComparison.Ordinal))
        {
            journal.Record(state, "line-changed", $"line {line} (was {state.Line ?? "not set"})");
            state.Line = line;
        }
    }

    /// <summary>Per material, how much of the requirement (in its unit) the confirmed picks cover.</summary>
    private Dictionary<string, decimal> Covered(IEnumerable<PickOrderTrack> confirmed, Dictionary<string, MaterialLine> required)
    {
        var covered = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in confirmed.SelectMany(p => p.ConfirmedLines.Count > 0 ? p.ConfirmedLines : p.Lines))
        {
            if (required.TryGetValue(line.Material, out var need)
                && UnitMath.TryConvert(_units, line.Material, line.Quantity, line.Unit, need.Unit, out var converted))
            {
                covered[line.Material] = covered.GetValueOrDefault(line.Material) + converted;
            }
        }

        return covered;
    }

    private Dictionary<string, MaterialLine> Totals(IReadOnlyList<MaterialLine> lines) =>
        RequirementMerger.Merge(lines, _units).ToDictionary(l => l.Material, StringComparer.Ordinal);

    private static string Describe(Dictionary<string, MaterialLine> before, Dictionary<string, MaterialLine> after) =>
        string.Join(", ", after.Values.Select(a => before.TryGetValue(a.Material, out var b) && b.Quantity != a.Quantity
                ? $"{a.Material} {b.Quantity} → {a.Quantity} {a.Unit}"
                : before.ContainsKey(a.Material) ? null : $"{a.Material} new {a.Quantity} {a.Unit}")
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"{k} no longer needed"))
            .OfType<string>());
}
