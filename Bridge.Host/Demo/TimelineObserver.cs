using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Replenishment;
using Bridge.Host.Processes.Transfers;
using MassTransit;

namespace Bridge.Host.Demo;

/// <summary>Demo only: prints every canonical message the bus delivers and every saga state change.</summary>
public sealed class TimelineObserver(Timeline timeline) : IConsumeObserver, IStateObserver<MaterialRequestState>, IStateObserver<ReplenishmentState>,
    IStateObserver<TransferState>
{
    private readonly HashSet<Guid> _seen = [];

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is CanonicalMessage message)
        {
            lock (_seen)
            {
                if (!_seen.Add(message.MessageId))
                {
                    return Task.CompletedTask;
                }
            }

            timeline.Step("bus", $"{typeof(T).Name} [{message.CorrelationId}] from {message.Source}{Describe(message)}", "cyan");
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        timeline.Step("fault", $"{typeof(T).Name}: {exception.Message}", "red");
        return Task.CompletedTask;
    }

    public Task StateChanged(BehaviorContext<MaterialRequestState> context, State currentState, State? previousState)
    {
        if (previousState is null)
        {
            return Task.CompletedTask;
        }

        timeline.Step("saga", $"request {context.Saga.RequestId}: {previousState?.Name ?? "-"} → {currentState.Name}", "yellow");
        return Task.CompletedTask;
    }

    public Task StateChanged(BehaviorContext<ReplenishmentState> context, State currentState, State? previousState)
    {
        if (previousState is not null && previousState.Name != currentState.Name)
            timeline.Step("saga", $"line-side {context.Saga.Location}: {previousState.Name} → {currentState.Name} (level {context.Saga.LastKnownQuantity})", "yellow");
        return Task.CompletedTask;
    }

    public Task StateChanged(BehaviorContext<TransferState> context, State currentState, State? previousState)
    {
        if (previousState is not null && previousState.Name != currentState.Name)
            timeline.Step("saga", $"transfer {context.Saga.TransferOrderId}: {previousState.Name} → {currentState.Name}", "yellow");
        return Task.CompletedTask;
    }

    private static string Describe(CanonicalMessage message) => message switch
    {
        ProductionOrderReleased o => $": order {o.OrderId}, {o.Quantity} {o.Unit} of {o.Material}, {o.Bom.Count} BOM line(s)",
        InventoryChanged i => $": {i.Record.Material} at {i.Record.Warehouse}/{i.Record.Location} = {i.Record.Quantity} {i.Record.Unit} ({i.Record.Status})",
        MaterialRequested r => $": order {r.OrderId} to {r.Location}",
        KitChecked k => $": complete={k.Complete}, kit rate {k.KitRate:P0}, short: {string.Join(", ", k.Lines.Where(l => l.Shortage > 0).Select(l => $"{l.Material} {l.Shortage} {l.Unit}"))}",
        PickOrderIssued p => $": {p.PickOrderId} at {p.Warehouse}, {p.Lines.Count} line(s) to {p.Destination}",
        PickConfirmed c => $": {c.PickOrderId}, lots {string.Join(", ", c.Lines.Select(l => l.Lot).Distinct())}",
        TransferOrderIssued t => $": {t.TransferOrderId} {t.FromWarehouse} → {t.ToWarehouse}, {t.Lines.Count} line(s)",
        TransportStatusChanged t => $": {t.TransferOrderId} {t.Status}",
        MaterialDelivered d => $": {d.Lines.Count} line(s) at {d.Location}",
        LineSideConsumptionReported c => $": {c.Quantity} {c.Unit} of {c.Material} used at {c.Location}",
        BinLevelReported b => $": {b.Location} reads {b.Value} {b.Unit}",
        ReplenishmentRequested r => $": {r.ReplenishmentId}, {r.Quantity} {r.Unit} of {r.Material} from {r.Warehouse} to {r.Location}",
        ReplenishmentFulfilled f => $": {f.ReplenishmentId}, {f.Lines.Sum(l => l.Quantity)} at {f.Location}",
        ReplenishmentOverdue o => $": {o.ReplenishmentId}, {o.Missing} {o.Unit} missing at {o.Location}",
        _ => "",
    };
}
