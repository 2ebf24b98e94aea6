using Bridge.Contracts.Messages;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.MaterialRequests.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Projections;

/// <summary>Projects WMS inventory into the stock view and wakes the requests waiting for the changed materials.</summary>
public sealed class StockViewConsumer(IStockView stock, IKitWaitRegistry waits) :
    IConsumer<InventoryChanged>,
    IConsumer<InventorySnapshot>
{
    public async Task Consume(ConsumeContext<InventoryChanged> context)
    {
        await stock.ApplyAsync(context.Message.Record, context.CancellationToken);
        await WakeAsync(context, [context.Message.Record.Material]);
    }

    public async Task Consume(ConsumeContext<InventorySnapshot> context)
    {
        await stock.ReplaceWarehouseAsync(context.Message.Warehouse, context.Message.Records, context.CancellationToken);
        await WakeAsync(context, context.Message.Records.Select(r => r.Material).Distinct(StringComparer.Ordinal).ToList());
    }

    private async Task WakeAsync(ConsumeContext context, IReadOnlyCollection<string> materials)
    {
        foreach (var requestId in await waits.FindWaitingAsync(materials, context.CancellationToken))
        {
            await context.Publish(new RecheckKit(requestId));
        }
    }
}
