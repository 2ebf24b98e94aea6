using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

/// <summary>What an order change did to the order book.</summary>
public abstract record OrderChangeOutcome
{
    private OrderChangeOutcome()
    {
    }

    /// <summary>The order now reads <paramref name="After"/>; <paramref name="Before"/> is what it read until now.</summary>
    public sealed record Applied(ProductionOrderReleased Before, ProductionOrderReleased After) : OrderChangeOutcome;

    /// <summary>Nothing changed, and why (unknown order, cancelled order, an older change than the one applied).</summary>
    public sealed record NotApplied(string Reason, bool OrderUnknown = false) : OrderChangeOutcome;
}
