using Bridge.Contracts.Messages;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.MaterialRequests.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Projections;

/// <summary>
/// Projects WMS inventory into the stock view, ordered by the WMS's own time (<c>OccurredAt</c>), and publishes
/// <see cref="StockBecameAvailable"/> for what gained availability. The fact goes through the outbox, so it leaves only
/// once the change is committed.
/// </summary>
public sealed class StockViewConsumer(IStockView stock, ILogger<StockViewConsumer> logger) :
    IConsumer<InventoryChanged>,
    IConsumer<InventorySnapshot>
{
    public async Task Consume(ConsumeContext<InventoryChanged> context)
    {
        var message = context.Message;
        var update = await stock.ApplyAsync(message.Record, message.OccurredAt, context.CancellationToken);
        if (!update.Applied)
        {
            Log.StaleStockReport(logger, message.Record.Material, message.Record.Warehouse, message.OccurredAt);
        }

        await PublishAsync(context, update);
    }

    public async Task Consume(ConsumeContext<InventorySnapshot> context)
    {
        var message = context.Message;
        await PublishAsync(context, await stock.ReplaceWarehouseAsync(message.Warehouse, message.Records, message.OccurredAt, context.CancellationToken));
    }

    private static async Task PublishAsync(ConsumeContext context, StockUpdate update)
    {
        if (update.MaterialsMoreAvailable.Count > 0)
        {
            await context.Publish(new StockBecameAvailable(update.MaterialsMoreAvailable));
        }
    }
}
