using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Sourcing;
using MassTransit;

namespace Bridge.Tests.Orchestration.Transfers;

/// <summary>
/// Two sites and a third for re-sourcing: plant BER with its own WH-A; WH-B in MUC (6 h, cost 120 to BER); WH-C in HAM
/// (4 h, cost 200). Canonical messages for sourcing and transfer saga tests.
/// </summary>
public static class TransferScenario
{
    public static readonly WarehouseCatalog Sites = new(
        [new Plant("BER", "BER", ["ACME"], []), new Plant("MUC", "MUC", ["ACME"], [])],
        [
            new Warehouse("WH-A", "BER", ["BER"], ["ACME"]),
            new Warehouse("WH-B", "MUC", ["MUC"], ["ACME"]),
            new Warehouse("WH-C", "HAM", [], ["ACME"]),
        ],
        [
            new TransferRoute("MUC", "BER", 120m, TimeSpan.FromHours(6)),
            new TransferRoute("HAM", "BER", 200m, TimeSpan.FromHours(4)),
        ]);

    /// <summary>An order of plant BER: 2 pcs of A-100 per piece.</summary>
    public static ProductionOrderReleased Order(string orderId, decimal quantity = 10) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "erp",
        OccurredAt = DateTimeOffset.UtcNow,
        OrderId = orderId,
        Plant = "BER",
        Material = "FG-1",
        Quantity = quantity,
        Unit = "pcs",
        Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }],
    };

    /// <summary>Needed in 9 hours: a transfer from MUC (6 h) or HAM (4 h) arrives in time.</summary>
    public static MaterialRequested Request(string requestId, string orderId) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = requestId,
        Source = "mes",
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = requestId,
        OrderId = orderId,
        Location = "L1-ST03",
        NeededBy = DateTimeOffset.UtcNow.AddHours(9),
    };

    public static InventoryRecord StockAt(string warehouse, decimal quantity, string lot = "L1", string location = "R-01") =>
        new() { Warehouse = warehouse, Material = "A-100", Lot = lot, Location = location, Quantity = quantity, Unit = "pcs" };

    public static TransportStatusChanged Status(string transferOrderId, string status, DateTimeOffset? at = null) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = transferOrderId,
        Source = "tms",
        OccurredAt = at ?? DateTimeOffset.UtcNow,
        TransferOrderId = transferOrderId,
        Status = status,
    };

    public static ProductionOrderCancelled Cancellation(string orderId) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "erp",
        OccurredAt = DateTimeOffset.UtcNow,
        OrderId = orderId,
        Reason = "customer withdrew",
    };

    public static ProductionOrderChanged Change(string orderId, decimal quantity) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "erp",
        OccurredAt = DateTimeOffset.UtcNow,
        OrderId = orderId,
        Quantity = quantity,
    };

    public static PickConfirmed Confirmation(PickOrderIssued pick) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = pick.PickOrderId,
        Source = "wms-a",
        OccurredAt = DateTimeOffset.UtcNow,
        PickOrderId = pick.PickOrderId,
        Lines = pick.Lines,
    };
}
