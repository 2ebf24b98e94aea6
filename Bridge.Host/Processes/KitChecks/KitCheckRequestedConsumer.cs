using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.KitChecks;
using Bridge.Host.Domain.Sourcing;
using MassTransit;

namespace Bridge.Host.Processes.KitChecks;

/// <summary>
/// <c>KitCheckRequested</c> on the bus is answered with <c>KitChecked</c> (same correlation id), computed exactly as
/// <c>POST /api/kit-checks</c> computes it. A request that cannot be answered (an order Bridge never received, a
/// quantity that cannot be kitted) faults with the reason, so retries and then the error queue keep it.
/// </summary>
public sealed class KitCheckRequestedConsumer(ScheduleKitCheckService service, TimeProvider time) : IConsumer<KitCheckRequested>
{
    public async Task Consume(ConsumeContext<KitCheckRequested> context)
    {
        var request = context.Message;
        var result = await service.RunAsync([new KitCheckOrder(request.OrderId, request.OrderQuantity, null, null)], KitCheckOrdering.Priority, context.CancellationToken);
        if (!result.Succeeded)
            throw new KitCheckRefusedException($"kit check of order '{request.OrderId}' ({request.CorrelationId}) refused: {result.Title}: {result.Detail}");

        var kit = result.Kits.Single();
        await context.Publish(new KitChecked
        {
            MessageId = NewId.NextGuid(),
            CorrelationId = request.CorrelationId,
            Source = ProcessSource.Bridge,
            OccurredAt = time.GetUtcNow(),
            OrderId = kit.OrderId,
            Complete = kit.Complete,
            KitRate = kit.KitRate,
            Lines = kit.Lines.Select(Line).ToList(),
        }, context.CancellationToken);
    }

    private static KitLine Line(SourcingDecision line) => new()
    {
        Material = line.Material,
        Unit = line.Unit,
        Required = line.Required,
        Available = line.Required - line.Shortage,
        Locations = line.Sourced.Select(s => new StockLocation(s.Warehouse, s.Location, s.Lot, s.StockQuantity, null, s.StockUnit)).ToList(),
    };
}
