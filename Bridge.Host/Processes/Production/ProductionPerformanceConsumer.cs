using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Genealogy;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Processes.MaterialRequests;
using MassTransit;

namespace Bridge.Host.Processes.Production;

/// <summary>
/// MES's production report → the genealogy (lots in and out), the backflush (<see cref="ConsumptionPosted"/>) and the
/// completion (<see cref="ProductionCompleted"/>) to ERP. Product and plant come from the report, else from the
/// released order; a report naming neither product nor a known order is dead-lettered with the reason. The messages
/// to ERP have ids derived from the report, so a report handled twice is posted once (outbound dedup by message id).
/// </summary>
public sealed class ProductionPerformanceConsumer(
    IGenealogyStore genealogy,
    IProductionOrderStore orders,
    ProductionPostings postings,
    PickReportDeadLetters deadLetters,
    ILogger<ProductionPerformanceConsumer> logger) : IConsumer<ProductionPerformanceReported>
{
    public async Task Consume(ConsumeContext<ProductionPerformanceReported> context)
    {
        var report = context.Message;
        var order = await orders.FindAsync(report.OrderId, context.CancellationToken);
        if ((report.Material ?? order?.Material) is not { } product)
        {
            await deadLetters.AddAsync(report, "orderId", report.OrderId,
                $"production report for order {report.OrderId} names no product and the order is not known to Bridge: nothing posted, no genealogy recorded",
                context.CancellationToken);
            return;
        }

        var plant = report.Plant ?? order?.Plant;
        var record = new GenealogyRecord(report.MessageId, report.OrderId, plant, product, report.ProducedLot, report.ProducedQuantity, report.Unit,
            report.OccurredAt, report.Consumed.Select(l => new GenealogyInput(l.Material, l.Lot, l.Warehouse, l.SupplierLot, l.Quantity, l.Unit)).ToList());
        var recorded = await genealogy.RecordAsync(record, context.CancellationToken);
        Log.PerformanceReported(logger, LogText.Escape(report.OrderId), report.Consumed.Count, LogText.Escape(report.ProducedLot ?? "-"), recorded);

        if (postings.Consumption(report, plant) is { } consumption)
        {
            await context.Publish(consumption);
        }

        if (postings.Completion(report, plant, product) is { } completion)
        {
            await context.Publish(completion);
        }
    }
}
