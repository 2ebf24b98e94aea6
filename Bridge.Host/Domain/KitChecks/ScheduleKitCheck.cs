using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Sourcing;

namespace Bridge.Host.Domain.KitChecks;

/// <summary>
/// Kit completeness of a whole schedule: the orders take stock one after the other (by priority or by due time) from
/// one <see cref="StockPool"/>, so no piece is promised to two orders. Each order's lines are merged by material first.
/// </summary>
public static class ScheduleKitCheck
{
    /// <exception cref="KitQuantityException">An order's quantities cannot be worked with (the message names the line).</exception>
    public static IReadOnlyList<OrderKit> Run(IReadOnlyList<ScheduledOrder> orders, StockPool pool, SourcingService sourcing, DateTimeOffset now,
        KitCheckOrdering ordering = KitCheckOrdering.Priority, IUnitConverter? units = null)
    {
        units ??= StandardUnitConverter.Instance;
        var ranked = orders.ToList();
        ranked.Sort((a, b) =>
        {
            var first = ordering == KitCheckOrdering.Priority ? a.Priority.CompareTo(b.Priority) : a.NeededBy.CompareTo(b.NeededBy);
            var second = ordering == KitCheckOrdering.Priority ? a.NeededBy.CompareTo(b.NeededBy) : a.Priority.CompareTo(b.Priority);
            return first != 0 ? first : second != 0 ? second : string.CompareOrdinal(a.OrderId, b.OrderId);
        });

        var result = new List<OrderKit>(ranked.Count);
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var order = ranked[rank];
            List<Sourcing.SourcingDecision> lines;
            try
            {
                lines = RequirementMerger.Merge(order.Lines, units).Select(line => sourcing.Source(pool, line, order.Plant, now, order.NeededBy)).ToList();
            }
            catch (KitQuantityException e)
            {
                throw new KitQuantityException($"order '{order.OrderId}': {e.Message}");
            }

            result.Add(new OrderKit(order.OrderId, order.Plant, order.NeededBy, rank + 1, lines));
        }

        return result;
    }
}
