using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Processes.MaterialRequests.Messages;
using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// ERP's order changes and cancellations: the order book first, then every material request made for the order is
/// told (in the same transaction in production, through the outbox). A repeated, late or older change finds nothing
/// to apply and tells no request; a change or cancellation for an order Bridge never knew, with no request waiting
/// for it, is kept as a dead letter with the reason.
/// </summary>
public sealed class ProductionOrderChangeConsumer(
    IProductionOrderStore orders,
    IOrderRequestIndex requests,
    PickReportDeadLetters deadLetters,
    ILogger<ProductionOrderChangeConsumer> logger) :
    IConsumer<ProductionOrderChanged>,
    IConsumer<ProductionOrderCancelled>
{
    public async Task Consume(ConsumeContext<ProductionOrderChanged> context)
    {
        var change = context.Message;
        var outcome = await orders.ApplyChangeAsync(change, context.CancellationToken);
        if (outcome is OrderChangeOutcome.NotApplied notApplied)
        {
            Log.OrderChangeNotApplied(logger, LogText.Escape(change.OrderId), LogText.Escape(notApplied.Reason));
            if (notApplied.OrderUnknown)
            {
                await deadLetters.AddAsync(change, "orderId", change.OrderId,
                    $"{notApplied.Reason}: the change was not applied (replay it once the order is released)", context.CancellationToken);
            }

            return;
        }

        var open = await requests.FindAsync(change.OrderId, context.CancellationToken);
        Log.OrderChangeApplied(logger, LogText.Escape(change.OrderId), open.Count);
        foreach (var request in open)
        {
            await context.Publish(new ReplanMaterialRequest(request, change.OrderId));
        }
    }

    public async Task Consume(ConsumeContext<ProductionOrderCancelled> context)
    {
        var cancel = context.Message;
        var known = await orders.FindAsync(cancel.OrderId, context.CancellationToken) is not null;
        await orders.CancelAsync(cancel.OrderId, context.CancellationToken);
        var open = await requests.FindAsync(cancel.OrderId, context.CancellationToken);
        if (!known && open.Count == 0)
        {
            await deadLetters.AddAsync(cancel, "orderId", cancel.OrderId,
                $"production order {cancel.OrderId} is not known to Bridge and no material request names it: the cancellation was not applied",
                context.CancellationToken);
            return;
        }

        Log.OrderCancelled(logger, LogText.Escape(cancel.OrderId), open.Count);
        var reason = string.IsNullOrWhiteSpace(cancel.Reason)
            ? $"production order {cancel.OrderId} was cancelled by {cancel.Source}"
            : $"production order {cancel.OrderId} was cancelled by {cancel.Source}: {cancel.Reason}";
        foreach (var request in open)
        {
            await context.Publish(new CancelMaterialRequest(request, cancel.OrderId, reason));
        }
    }
}
