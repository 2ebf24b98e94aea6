using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Processes.MaterialRequests.Messages;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Domain.Stock;
using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Turns the projections' facts into the material request's own wake-up: every request waiting for a material that
/// became available, or for an order that became known, gets a <see cref="RecheckKit"/>. The facts arrive after the
/// projection committed; a request whose wait was not yet committed re-checks itself after its own commit.
/// </summary>
public sealed class KitWakeUpConsumer(IKitWaitRegistry waits) :
    IConsumer<StockBecameAvailable>,
    IConsumer<ProductionOrderBecameKnown>
{
    public Task Consume(ConsumeContext<StockBecameAvailable> context) => WakeAsync(context, context.Message.Materials);

    public Task Consume(ConsumeContext<ProductionOrderBecameKnown> context) =>
        WakeAsync(context, [MaterialRequestWaits.OrderWaitKey(context.Message.OrderId)]);

    private async Task WakeAsync(ConsumeContext context, IReadOnlyCollection<string> keys)
    {
        foreach (var request in await waits.FindWaitingAsync(keys, context.CancellationToken))
        {
            await context.Publish(new RecheckKit(request));
        }
    }
}
