using Bridge.Contracts.Messages;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.MaterialRequests.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Projections;

/// <summary>Keeps the order book (the BOM a material request explodes) and tells whoever waits that the order is known.</summary>
public sealed class ProductionOrderReleasedConsumer(IProductionOrderStore orders) : IConsumer<ProductionOrderReleased>
{
    public async Task Consume(ConsumeContext<ProductionOrderReleased> context)
    {
        await orders.SaveAsync(context.Message, context.CancellationToken);
        await context.Publish(new ProductionOrderBecameKnown(context.Message.OrderId));
    }
}
