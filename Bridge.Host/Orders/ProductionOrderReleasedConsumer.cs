using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Host.Orders;

/// <summary>Keeps the order book: the BOM a later material request explodes.</summary>
public sealed class ProductionOrderReleasedConsumer(IProductionOrderStore orders) : IConsumer<ProductionOrderReleased>
{
    public Task Consume(ConsumeContext<ProductionOrderReleased> context) =>
        orders.SaveAsync(context.Message, context.CancellationToken);
}
