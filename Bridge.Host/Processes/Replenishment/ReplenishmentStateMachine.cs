using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Replenishment.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// One line-side location (key: the location id). The location-state projection tells it when the level falls to the
/// reorder point (once per fall) and when material arrives. Low and nothing open → ReplenishmentRequested to the
/// source warehouse's WMS, timeout after the lead time. At most one open request: low levels while it is open change
/// nothing (kanban keeps the returned cards for the next request). Fulfilment closes it; partial fulfilment keeps the
/// rest open; a close that leaves the level still low requests again at once. Timeout → the same request once more,
/// then ReplenishmentOverdue to MES, and the request stays open for a late fulfilment. This file is every transition.
/// </summary>
public sealed class ReplenishmentStateMachine : MassTransitStateMachine<ReplenishmentState>
{
    public ReplenishmentStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => Low, e => e.CorrelateById(c => ReplenishmentIds.ForLocation(c.Message.Location)));
        Event(() => Received, e => e.CorrelateById(c => ReplenishmentIds.ForLocation(c.Message.Location)));
        Schedule(() => Timeout, x => x.TimeoutTokenId, s =>
        {
            s.DelayProvider = c => c.Saga.LeadTime;
            s.Received = r => r.CorrelateById(c => c.Message.CorrelationId);
        });

        Initially(
            When(Low)
                .Then(c => c.Saga.Location = c.Message.Location)
                .Then(c => c.Saga.LastKnownQuantity = c.Message.Quantity)
                .Then(c => Journal(c).Record(c.Saga, "low", $"level {c.Message.Quantity} from {c.Message.Source}"))
                .Evaluate(c => Decide(c, c.Message.Quantity, c.Message.Cards))
                .IfElse(c => c.Outcome<ReplenishmentDecision>() is ReplenishmentDecision.Request,
                    request => Issue(request),
                    hold => hold.TransitionTo(Watching)),
            When(Received)
                .Then(c => c.Saga.Location = c.Message.Location)
                .Then(c => Tracker(c).Receive(c.Saga, c.Message))
                .Then(c => Journal(c).Record(c.Saga, "received", $"{c.Message.Quantity} from {c.Message.Source}; level {c.Message.LevelAfter}"))
                .TransitionTo(Watching));

        During(Watching,
            When(Low)
                .Then(c => c.Saga.LastKnownQuantity = c.Message.Quantity)
                .Then(c => Journal(c).Record(c.Saga, "low", $"level {c.Message.Quantity} from {c.Message.Source}"))
                .Evaluate(c => Decide(c, c.Message.Quantity, c.Message.Cards))
                .If(c => c.Outcome<ReplenishmentDecision>() is ReplenishmentDecision.Request,
                    request => Issue(request)),
            When(Received)
                .If(c => Tracker(c).Receive(c.Saga, c.Message) != ReceiptOutcome.Duplicate,
                    applied => applied.Then(c => Journal(c).Record(c.Saga, "received", $"{c.Message.Quantity} from {c.Message.Source}; level {c.Message.LevelAfter}"))),
            Ignore(Timeout!.Received));

        During(Requested, Overdue,
            When(Low)
                .Then(c => c.Saga.LastKnownQuantity = c.Message.Quantity)
                .Then(c => c.Saga.PendingCards += c.Message.Cards)
                .Then(c => Journal(c).Record(c.Saga, "low-while-open",
                    $"level {c.Message.Quantity} from {c.Message.Source}; {c.Saga.OpenRequestId} is open, nothing more requested"
                    + (c.Message.Cards > 0 ? $" ({c.Saga.PendingCards} card(s) kept for the next request)" : ""))),
            When(Received)
                .Evaluate(c => new ReceiptHolder(Tracker(c).Receive(c.Saga, c.Message)))
                .If(c => c.Outcome<ReceiptHolder>().Outcome == ReceiptOutcome.Unrelated,
                    unrelated => unrelated.Then(c => Journal(c).Record(c.Saga, "received",
                        $"{c.Message.Quantity} from {c.Message.Source} ({c.Message.ReplenishmentId ?? "not a replenishment"}); level {c.Message.LevelAfter}")))
                .If(c => c.Outcome<ReceiptHolder>().Outcome == ReceiptOutcome.Partial,
                    partial => partial.Then(c => Journal(c).Record(c.Saga, "partially-fulfilled",
                        $"{c.Saga.OpenReceived} of {c.Saga.OpenQuantity} arrived; the rest stays open")))
                .If(c => c.Outcome<ReceiptHolder>().Outcome == ReceiptOutcome.Closed,
                    closed => closed
                        .Unschedule(Timeout)
                        .Then(c => Journal(c).Record(c.Saga, "fulfilled", $"{c.Saga.OpenRequestId}: {c.Saga.OpenReceived} of {c.Saga.OpenQuantity}; level {c.Message.LevelAfter}"))
                        .Then(c => ReplenishmentTracker.Close(c.Saga))
                        // Consumed while the request was open: still low (or cards waiting) means the next request now.
                        .Evaluate(c => Decide(c, c.Message.LevelAfter, c.Saga.PendingCards))
                        .IfElse(c => c.Outcome<ReplenishmentDecision>() is ReplenishmentDecision.Request,
                            again => Issue(again),
                            done => done.TransitionTo(Watching))));

        During(Requested,
            When(Timeout.Received)
                .IfElse(c => c.Saga.OpenAttempts < 2,
                    retry => retry
                        .Then(c => Journal(c).Record(c.Saga, "re-requested", $"{c.Saga.OpenRequestId} not fulfilled within {c.Saga.LeadTime}; requested once more"))
                        .Publish(c => Planner(c).Repeat(c.Saga)!)
                        .Schedule(Timeout, c => new ReplenishmentTimeoutExpired(c.Saga.CorrelationId)),
                    overdue => overdue
                        .Then(c => Journal(c).Record(c.Saga, "overdue", $"{c.Saga.OpenRequestId} not fulfilled after a re-request; MES told"))
                        .Publish(c => Planner(c).Overdue(c.Saga))
                        .TransitionTo(Overdue)));
        During(Overdue, Ignore(Timeout.Received));
    }

    public State Watching { get; private set; } = null!;
    public State Requested { get; private set; } = null!;
    public State Overdue { get; private set; } = null!;

    public Event<LineSideLevelLow> Low { get; private set; } = null!;
    public Event<ReplenishmentReceived> Received { get; private set; } = null!;

    public Schedule<ReplenishmentState, ReplenishmentTimeoutExpired> Timeout { get; private set; } = null!;

    private EventActivityBinder<ReplenishmentState, T> Issue<T>(EventActivityBinder<ReplenishmentState, T> binder)
        where T : class =>
        binder
            .Then(c => Journal(c).Record(c.Saga, "requested",
                $"{c.Saga.OpenRequestId}: {c.Saga.OpenQuantity} from {c.Saga.OpenWarehouse} (level {c.Saga.LastKnownQuantity})"))
            .Publish(c => ((ReplenishmentDecision.Request)c.Outcome<ReplenishmentDecision>()).Message)
            .Schedule(Timeout, c => new ReplenishmentTimeoutExpired(c.Saga.CorrelationId))
            .TransitionTo(Requested);

    private static ReplenishmentDecision Decide<T>(BehaviorContext<ReplenishmentState, T> c, decimal level, int cards)
        where T : class
    {
        var decision = Planner(c).Plan(c.Saga, level, cards);
        if (decision is ReplenishmentDecision.Hold hold)
            Journal(c).Record(c.Saga, "held", hold.Reason);
        return decision;
    }

    private sealed record ReceiptHolder(ReceiptOutcome Outcome);

    private static ReplenishmentPlanner Planner(ConsumeContext c) => c.GetServiceOrCreateInstance<ReplenishmentPlanner>();
    private static ReplenishmentTracker Tracker(ConsumeContext c) => c.GetServiceOrCreateInstance<ReplenishmentTracker>();
    private static ReplenishmentJournal Journal(ConsumeContext c) => c.GetServiceOrCreateInstance<ReplenishmentJournal>();
}
