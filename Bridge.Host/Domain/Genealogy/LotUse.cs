namespace Bridge.Host.Domain.Genealogy;

/// <summary>
/// Where a lot went: <paramref name="Depth"/> 1 is an order that consumed the lot itself; depth 2 consumed a lot made
/// from it, and so on. <paramref name="ConsumedLot"/> is the lot consumed at that step.
/// </summary>
public sealed record LotUse(
    int Depth,
    string ConsumedLot,
    string Material,
    decimal Quantity,
    string Unit,
    string? Warehouse,
    string OrderId,
    string? Plant,
    string Product,
    string? ProducedLot);
