using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

/// <summary>What the order book holds for an order number: the released order (null when it is unknown) and whether it was cancelled.</summary>
public sealed record OrderOnFile(ProductionOrderReleased? Order, bool Cancelled);
