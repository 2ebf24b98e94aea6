using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

/// <summary>
/// The one rule both order stores apply to a change: fields the change carries replace the order's, the rest stay;
/// a change older than the last one applied, or to a cancelled order, changes nothing.
/// </summary>
public static class ProductionOrderChanges
{
    public static OrderChangeOutcome Apply(ProductionOrderReleased? order, DateTimeOffset? lastChangedAt, bool cancelled, ProductionOrderChanged change)
    {
        if (order is null)
        {
            return new OrderChangeOutcome.NotApplied($"production order {change.OrderId} is not known to Bridge", OrderUnknown: true);
        }

        if (cancelled)
        {
            return new OrderChangeOutcome.NotApplied($"production order {change.OrderId} is cancelled");
        }

        if (lastChangedAt is { } last && change.OccurredAt <= last)
        {
            return new OrderChangeOutcome.NotApplied(
                $"the change of production order {change.OrderId} from {change.OccurredAt:O} is not newer than the one applied ({last:O})");
        }

        var after = order with
        {
            Quantity = change.Quantity ?? order.Quantity,
            Unit = change.Unit ?? order.Unit,
            DueAt = change.DueAt ?? order.DueAt,
            Line = change.Line ?? order.Line,
            Bom = change.Bom ?? order.Bom,
        };
        return new OrderChangeOutcome.Applied(order, after);
    }
}
