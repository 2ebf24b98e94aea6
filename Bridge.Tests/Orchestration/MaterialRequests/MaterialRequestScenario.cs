using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>Canonical messages for saga tests: one order with a three-line BOM, stock, a request.</summary>
public static class MaterialRequestScenario
{
    public static ProductionOrderReleased Order(string orderId, decimal quantity = 10) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "erp",
        OccurredAt = DateTimeOffset.UtcNow,
        OrderId = orderId,
        Plant = "P100",
        Material = "FG-1",
        Quantity = quantity,
        Unit = "pcs",
        Bom =
        [
            new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" },
            new BomLine { Material = "B-200", QuantityPer = 0.5m, Unit = "kg", ScrapPercent = 10 },
        ],
    };

    public static InventoryChanged StockLevel(string material, decimal quantity, string unit, string warehouse = "WH-A", string lot = "L1") => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = material,
        Source = "wms-a",
        OccurredAt = DateTimeOffset.UtcNow,
        Record = new InventoryRecord { Warehouse = warehouse, Material = material, Lot = lot, Location = "R-01", Quantity = quantity, Unit = unit },
    };

    public static MaterialRequested Request(string requestId, string orderId) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = requestId,
        Source = "mes",
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = requestId,
        OrderId = orderId,
        Location = "LINE-1/ST-3",
    };

    public static PickConfirmed Confirmation(PickOrderIssued pick) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = pick.PickOrderId,
        Source = "wms-a",
        OccurredAt = DateTimeOffset.UtcNow,
        PickOrderId = pick.PickOrderId,
        Lines = pick.Lines.Select(l => l with { Lot = l.Lot ?? "L-CONF" }).ToList(),
    };
}
