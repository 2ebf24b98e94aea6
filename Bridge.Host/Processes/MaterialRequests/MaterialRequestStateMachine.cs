using Bridge.Contracts.Messages;
using Bridge.Host.Processes.MaterialRequests.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// MES asks for material → explode and check the kit → reserve → pick orders to the WMS → confirmations →
/// MaterialDelivered to MES. Short of stock: KitChecked with the shortage list to MES, wait for InventoryChanged,
/// give up after <see cref="MaterialRequestSettings.StockWaitTimeout"/>.
/// </summary>
public sealed class MaterialRequestStateMachine : MassTransitStateMachine<MaterialRequestState>
{
    public MaterialRequestStateMachine(IOptions<MaterialRequestSettings> options)
    {
        var settings = options.Value;
        InstanceState(x => x.CurrentState);

        Event(() => Requested, e => e.CorrelateById(c => MaterialRequestIds.ForRequest(c.Message.RequestId)));
        Event(() => Recheck, e =>
        {
            e.CorrelateById(c => c.Message.CorrelationId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => Confirmed, e =>
        {
            e.CorrelateById(c => MaterialRequestIds.FromPickOrderId(c.Message.PickOrderId));
            e.OnMissingInstance(m => m.Fault());
        });
        Event(() => PickRejected, e =>
        {
            e.CorrelateById(c => MaterialRequestIds.FromPickOrderId(c.Message.PickOrderId));
            e.OnMissingInstance(m => m.Fault());
        });

        Schedule(() => StockWait, x => x.StockTimeoutTokenId, s =>
        {
            s.Delay = settings.StockWaitTimeout;
            s.Received = r => r.CorrelateById(c => c.Message.CorrelationId);
        });
        Schedule(() => PickWait, x => x.PickTimeoutTokenId, s =>
        {
            s.Delay = settings.PickTimeout;
            s.Received = r => r.CorrelateById(c => c.Message.CorrelationId);
        });

        Initially(
            When(Requested)
                .ThenAsync(c => Workflow(c).PlanAsync(c.Saga, c.Message, c.CancellationToken))
                .IfElse(c => c.Saga.AwaitingOrder,
                    waiting => waiting
                        .ThenAsync(c => Workflow(c).WaitForOrderAsync(c.Saga, c.CancellationToken))
                        .Schedule(StockWait, c => new StockWaitExpired(c.Saga.CorrelationId))
                        .TransitionTo(WaitingForOrder),
                    planned => Proceed(planned)));

        During(WaitingForOrder,
            When(Recheck)
                .ThenAsync(c => Workflow(c).ExplodeAsync(c.Saga, c.CancellationToken))
                .If(c => !c.Saga.AwaitingOrder,
                    arrived => Proceed(arrived
                        .Unschedule(StockWait)
                        .ThenAsync(c => Workflow(c).StopWaitingAsync(c.Saga, c.CancellationToken)))),
            When(StockWait!.Received)
                .ThenAsync(c => Workflow(c).StopWaitingAsync(c.Saga, c.CancellationToken))
                .Then(c => Workflow(c).Fail(c.Saga, "timed-out", $"production order {c.Saga.OrderId} did not arrive within {settings.StockWaitTimeout}"))
                .TransitionTo(TimedOut));

        During(WaitingForStock,
            When(Recheck)
                .IfAsync(c => Workflow(c).TryReserveAsync(c.Saga, c.CancellationToken),
                    reserved => IssuePicks(reserved
                        .Unschedule(StockWait)
                        .ThenAsync(c => Workflow(c).StopWaitingAsync(c.Saga, c.CancellationToken)))),
            When(StockWait!.Received)
                .ThenAsync(c => Workflow(c).StopWaitingAsync(c.Saga, c.CancellationToken))
                .Then(c => Workflow(c).Fail(c.Saga, "timed-out", $"no stock for the shortage within {settings.StockWaitTimeout}"))
                .TransitionTo(TimedOut));

        During(Picking,
            When(Confirmed)
                .If(c => Workflow(c).Confirm(c.Saga, c.Message),
                    done => done
                        .Unschedule(PickWait)
                        .ThenAsync(c => Workflow(c).ReleaseAsync(c.Saga, "delivered", "all pick orders confirmed; reservation handed over", c.CancellationToken))
                        .Publish(c => Workflow(c).Delivered(c.Saga))
                        .TransitionTo(Completed)),
            When(PickRejected)
                .Unschedule(PickWait)
                .Then(c => Workflow(c).Fail(c.Saga, "pick-failed", $"{c.Message.PickOrderId}: {c.Message.Reason}"))
                .ThenAsync(c => Workflow(c).ReleaseAsync(c.Saga, "released", "reservation released after a failed pick", c.CancellationToken))
                .TransitionTo(Failed),
            When(PickWait!.Received)
                .Then(c => Workflow(c).Fail(c.Saga, "pick-timed-out", $"the WMS did not confirm within {settings.PickTimeout}"))
                .ThenAsync(c => Workflow(c).ReleaseAsync(c.Saga, "released", "reservation released after the pick timeout", c.CancellationToken))
                .TransitionTo(Failed));

        // A stock change may wake a request that has already moved on; late duplicates change nothing.
        During([Picking, Completed, Rejected, TimedOut, Failed], Ignore(Recheck));
        During([Completed, Rejected, TimedOut, Failed], Ignore(Confirmed), Ignore(PickRejected));

        DuringAny(
            When(Requested)
                .Then(c => Workflow(c).Record(c.Saga, "duplicate", $"request {c.Message.RequestId} was already received; ignored")));
    }

    public State WaitingForOrder { get; private set; } = null!;
    public State WaitingForStock { get; private set; } = null!;
    public State Picking { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<MaterialRequested> Requested { get; private set; } = null!;
    public Event<RecheckKit> Recheck { get; private set; } = null!;
    public Event<PickConfirmed> Confirmed { get; private set; } = null!;
    public Event<PickFailed> PickRejected { get; private set; } = null!;

    public Schedule<MaterialRequestState, StockWaitExpired> StockWait { get; private set; } = null!;
    public Schedule<MaterialRequestState, PickTimeoutExpired> PickWait { get; private set; } = null!;

    private static MaterialRequestWorkflow Workflow<T>(BehaviorContext<MaterialRequestState, T>
        context) where T : class => context.GetServiceOrCreateInstance<MaterialRequestWorkflow>();

    /// <summary>Requirements are known: reject, or reserve and pick, or report the shortage and wait for stock.</summary>
    private EventActivityBinder<MaterialRequestState, T> Proceed<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder.IfElse(c => c.Saga.FailureReason is not null,
            rejected => rejected
                .Then(c => Workflow(c).Record(c.Saga, "rejected", c.Saga.FailureReason!))
                .TransitionTo(Rejected),
            planned => planned
                .IfElseAsync(c => Workflow(c).TryReserveAsync(c.Saga, c.CancellationToken),
                    reserved => IssuePicks(reserved),
                    shortage => WaitForStock(shortage)));

    private EventActivityBinder<MaterialRequestState, T> IssuePicks<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .ThenAsync(async c =>
            {
                foreach (var pick in Workflow(c).PickOrders(c.Saga))
                {
                    await c.Publish(pick);
                }
            })
            .Schedule(PickWait, c => new PickTimeoutExpired(c.Saga.CorrelationId))
            .TransitionTo(Picking);

    private EventActivityBinder<MaterialRequestState, T> WaitForStock<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .ThenAsync(c => Workflow(c).WaitForStockAsync(c.Saga, c.CancellationToken))
            .Publish(c => Workflow(c).KitChecked(c.Saga))
            .Schedule(StockWait, c => new StockWaitExpired(c.Saga.CorrelationId))
            .TransitionTo(WaitingForStock);
}
