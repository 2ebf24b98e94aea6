using Bridge.Contracts.Messages;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.MaterialRequests.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Projections;

/// <summary>Keeps the order book (the BOM a material request explodes) and wakes requests that overtook their order.</summary>
public sealed class ProductionOrderReleasedConsumer(IProductionOrderStore orders, IKitWaitRegistry waits) : IConsumer<ProductionOrderReleased>
{
    public async Task Consume(ConsumeContext<ProductionOrderReleased> context)
    {
        await orders.SaveAsync(context.Message, context.CancellationToken);
        foreach (var request in await waits.FindWaitingAsync([MaterialRequestWorkflow.OrderWaitKey(context.Message.OrderId)], context.CancellationToken))
        {
            await context.Publish(new RecheckKit(request));
        }
    }
}
