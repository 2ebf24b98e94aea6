using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Processes.MaterialRequests.Messages;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Processes.Transfers.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// MES asks for material → resolve the requirements (explicit lines, or the order's BOM; wait for an order Bridge does
/// not know yet) → check and reserve the kit → pick orders to the WMS → confirmations → MaterialDelivered to MES.
/// Short of stock: KitChecked with the shortage list to MES, wait for every short material, give up after
/// <see cref="MaterialRequestSettings.StockWaitTimeout"/>. Every end releases what the request still holds; every end
/// that is not a delivery is told to MES (MaterialRequestFailed) and cancels the open pick orders at the WMS.
/// ERP's order changes re-plan an open request (<see cref="OrderChangePlanner"/>); an order cancellation ends it
/// Cancelled with the same compensation (open picks cancelled, stock released, open transfers asked to cancel, MES told);
/// a change while transfers are on their way cancels them and sources the request again.
/// Stock at another site (a plant config/warehouses.yaml knows): transfer orders to the TMS first, the picks when every
/// transfer has arrived; a failed or late transfer re-sources once, else the request fails with the shortage.
/// The steps are named services that return outcomes; this file is every transition.
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
            e.OnMissingInstance(m => m.ExecuteAsync(c => DeadLetters(c).AddAsync(
                c.Message, c.Message.PickOrderId, $"no material request issued pick order {c.Message.PickOrderId}", c.CancellationToken)));
        });
        Event(() => PickRejected, e =>
        {
            e.CorrelateById(c => MaterialRequestIds.FromPickOrderId(c.Message.PickOrderId));
            e.OnMissingInstance(m => m.ExecuteAsync(c => DeadLetters(c).AddAsync(
                c.Message, c.Message.PickOrderId, $"no material request issued pick order {c.Message.PickOrderId}", c.CancellationToken)));
        });

        // Order changes and cancellation: correlated by the request's key (ProductionOrderChangeConsumer fans them out).
        Event(() => OrderChanged, e =>
        {
            e.CorrelateById(c => c.Message.CorrelationId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => OrderCancelled, e =>
        {
            e.CorrelateById(c => c.Message.CorrelationId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => TransferArrived, e =>
        {
            e.CorrelateById(c => MaterialRequestIds.ForRequest(c.Message.RequestId));
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => TransferLost, e =>
        {
            e.CorrelateById(c => MaterialRequestIds.ForRequest(c.Message.RequestId));
            e.OnMissingInstance(m => m.Discard());
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
                .Then(c => Journal(c).Start(c.Saga, c.Message))
                .ThenAsync(c => OrderIndex(c).AddAsync(c.Saga.OrderId, c.Saga.CorrelationId, c.CancellationToken))
                .Evaluate(c => Requirements(c).ResolveAsync(c.Saga, c.CancellationToken))
                .IfElse(c => c.Outcome<RequirementsOutcome>() is RequirementsOutcome.OrderUnknown,
                    unknown => unknown
                        .ThenAsync(c => Waits(c).WaitForOrderAsync(c.Saga, c.CancellationToken))
                        .Schedule(StockWait, c => new StockWaitExpired(c.Saga.CorrelationId))
                        // An order that becomes known before this wait commits finds no waiter; this re-check after commit finds the order.
                        .Publish(c => new RecheckKit(c.Saga.CorrelationId))
                        .TransitionTo(WaitingForOrder),
                    known => RequirementsKnown(known, waiting: false)));

        During(WaitingForOrder,
            When(Recheck)
                .Evaluate(c => Requirements(c).ResolveAsync(c.Saga, c.CancellationToken))
                .If(c => c.Outcome<RequirementsOutcome>() is not RequirementsOutcome.OrderUnknown,
                    arrived => RequirementsKnown(arrived, waiting: true)),
            When(StockWait!.Received)
                .Then(c => Journal(c).Fail(c.Saga, "timed-out", $"production order {c.Saga.OrderId} did not arrive within {settings.StockWaitTimeout}"))
                .ThenAsync(c => Waits(c).StopAsync(c.Saga, c.CancellationToken))
                .Publish(c => Reports(c).Failed(c.Saga, nameof(TimedOut)))
                .TransitionTo(TimedOut));

        During(WaitingForStock,
            When(Recheck)
                .Evaluate(c => Kit(c).ReserveAsync(c.Saga, c.CancellationToken))
                .IfElse(c => c.Outcome<KitOutcome>() is KitOutcome.Short,
                    stillShort => WaitForEveryShortMaterial(stillShort),
                    decided => KitDecided(StopWaiting(decided))),
            When(StockWait!.Received)
                .Then(c => Journal(c).Fail(c.Saga, "timed-out", $"no stock for the shortage within {settings.StockWaitTimeout}"))
                .ThenAsync(c => Waits(c).StopAsync(c.Saga, c.CancellationToken))
                .ThenAsync(c => Kit(c).ReleaseAsync(c.Saga, c.CancellationToken))
                .Publish(c => Reports(c).Failed(c.Saga, nameof(TimedOut)))
                .TransitionTo(TimedOut));

        During(Picking,
            When(Confirmed)
                .Evaluate(c => Picks(c).Confirm(c.Saga, c.Message))
                .IfElse(c => c.Outcome<PickReportOutcome>() is PickReportOutcome.Recorded,
                    recorded => recorded
                        .ThenAsync(c => Kit(c).ConsumeAsync(c.Saga, Recorded(c).Pick, c.Message.OccurredAt, c.CancellationToken))
                        .If(c => Recorded(c).AllConfirmed,
                            done => ReleaseReservation(done
                                    .Unschedule(PickWait)
                                    .Then(c => Journal(c).Record(c.Saga, "delivered", "all pick orders confirmed; picked stock left the stock view")))
                                .Publish(c => Reports(c).Delivered(c.Saga))
                                .TransitionTo(Completed)),
                    unmatched => DeadLetter(unmatched, c => c.Message.PickOrderId)),
            When(PickRejected)
                .Evaluate(c => Picks(c).Fail(c.Saga, c.Message))
                .IfElse(c => c.Outcome<PickReportOutcome>() is PickReportOutcome.Recorded,
                    failed => Fail(failed.Unschedule(PickWait), "pick-failed",
                        c => $"{c.Message.PickOrderId}: {c.Message.Reason}", except: c => c.Message.PickOrderId),
                    unmatched => DeadLetter(unmatched, c => c.Message.PickOrderId)),
            When(PickWait!.Received)
                .ThenAsync(c => FailAsync(c, "pick-timed-out", $"the WMS did not confirm within {settings.PickTimeout}"))
                .TransitionTo(Failed));

        // Order changes: a request waiting for its order explodes the changed order when it arrives; one waiting for
        // stock takes the new requirements and checks again; a picking one re-plans its picks.
        During(WaitingForOrder,
            Ignore(OrderChanged),
            CancelWhileWaiting(When(OrderCancelled)));
        During(WaitingForStock,
            When(OrderChanged)
                .Evaluate(c => Replanner(c).ReplanAsync(c.Saga, picking: false, c.CancellationToken))
                .If(c => c.Outcome<ReplanOutcome>() is ReplanOutcome.Revised,
                    revised => revised.Publish(c => new RecheckKit(c.Saga.CorrelationId))),
            CancelWhileWaiting(When(OrderCancelled)));
        During(Picking,
            When(OrderChanged)
                .Evaluate(c => Replanner(c).ReplanAsync(c.Saga, picking: true, c.CancellationToken))
                .If(c => c.Outcome<ReplanOutcome>() is ReplanOutcome.Replanned,
                    replanned => replanned
                        .ThenAsync(PublishReplanAsync)
                        .If(c => Replanned(c).Issued.Count > 0, issued => issued.Schedule(PickWait, c => new PickTimeoutExpired(c.Saga.CorrelationId)))
                        .If(c => Replanned(c).AllConfirmed,
                            done => ReleaseReservation(done
                                    .Unschedule(PickWait)
                                    .Then(c => Journal(c).Record(c.Saga, "delivered", "every pick order still needed after the order change is confirmed")))
                                .Publish(c => Reports(c).Delivered(c.Saga))
                                .TransitionTo(Completed))),
            When(OrderCancelled).Unschedule(PickWait).ThenAsync(CancelAsync).TransitionTo(Cancelled));
        During([Completed, Rejected, TimedOut, Failed, Cancelled], Ignore(OrderChanged), Ignore(OrderCancelled));
        During(Cancelled, Ignore(StockWait!.Received), Ignore(PickWait!.Received));

        // Sourcing across sites: the request waits for its transfers, then picks at the destination.
        During(WaitingForTransfer,
            When(TransferArrived)
                .Evaluate(c => Transfers(c).Arrive(c.Saga, c.Message))
                .If(c => c.Outcome<TransferOutcome>() is TransferOutcome.Ready, ready => IssuePicks(ready)),
            When(TransferLost)
                .Evaluate(c => Transfers(c).FailAsync(c.Saga, c.Message, c.CancellationToken))
                .IfElse(c => c.Outcome<TransferOutcome>() is TransferOutcome.Short,
                    shortage => ReleaseReservation(shortage.Then(c => Journal(c).Fail(c.Saga, "transfer-failed",
                            ((TransferOutcome.Short)c.Outcome<TransferOutcome>()).Reason)))
                        .Publish(c => Reports(c).Failed(c.Saga, nameof(Failed)))
                        .TransitionTo(Failed),
                    resourced => resourced
                        .ThenAsync(async c =>
                        {
                            if (c.Outcome<TransferOutcome>() is TransferOutcome.Pending pending)
                            {
                                foreach (var transfer in MaterialRequestReports.TransferRequests(c.Saga, pending.Issue))
                                {
                                    await c.Publish(transfer);
                                }
                            }
                        })
                        .If(c => c.Outcome<TransferOutcome>() is TransferOutcome.Ready, ready => IssuePicks(ready))),
            Ignore(Recheck));
        // A change while transfers are on their way: those are cancelled and the request is sourced again for the new
        // requirements (delivered stock, now free at the plant, is found first).
        During(WaitingForTransfer,
            When(OrderChanged)
                .Evaluate(c => Replanner(c).ReplanAsync(c.Saga, picking: false, c.CancellationToken))
                .If(c => c.Outcome<ReplanOutcome>() is ReplanOutcome.Revised,
                    revised => revised
                        .ThenAsync(ReleaseTransfersForResourcingAsync)
                        .Evaluate(c => Kit(c).ReserveAsync(c.Saga, c.CancellationToken))
                        .IfElse(c => c.Outcome<KitOutcome>() is KitOutcome.Short,
                            shortage => StartWaitingForStock(shortage),
                            decided => KitDecided(decided))),
            When(OrderCancelled).ThenAsync(CancelAsync).TransitionTo(Cancelled));
        During([WaitingForOrder, WaitingForStock, Picking, Completed, Rejected, TimedOut, Failed, Cancelled], Ignore(TransferArrived), Ignore(TransferLost));

        // A stock change may wake a request that has already moved on; late duplicates change nothing.
        During([Picking, Completed, Rejected, TimedOut, Failed, Cancelled], Ignore(Recheck));
        During(Completed, Ignore(Confirmed), Ignore(PickRejected));
        During([WaitingForOrder, WaitingForStock, WaitingForTransfer, Rejected, TimedOut, Failed, Cancelled],
            When(Confirmed).ThenAsync(c => DeadLetters(c).AddAsync(c.Message, c.Message.PickOrderId,
                $"pick order {c.Message.PickOrderId} was confirmed while material request {c.Saga.RequestId} is {c.Saga.CurrentState}: "
                + "the picked material is not delivered through Bridge and not taken out of its stock view", c.CancellationToken)),
            Ignore(PickRejected));

        DuringAny(
            When(Requested)
                .Then(c => Journal(c).Record(c.Saga, "duplicate", $"request {c.Message.RequestId} was already received; ignored")));
    }

    /// <summary>The states nothing moves a request on from: its row may go once <c>Bridge:SagaRetention</c> has passed.</summary>
    public static readonly string[] EndedStates = [nameof(Completed), nameof(Rejected), nameof(TimedOut), nameof(Failed), nameof(Cancelled)];

    public State WaitingForOrder { get; private set; } = null!;
    public State WaitingForStock { get; private set; } = null!;
    public State Picking { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;
    public State WaitingForTransfer { get; private set; } = null!;

    public Event<MaterialRequested> Requested { get; private set; } = null!;
    public Event<RecheckKit> Recheck { get; private set; } = null!;
    public Event<PickConfirmed> Confirmed { get; private set; } = null!;
    public Event<PickFailed> PickRejected { get; private set; } = null!;
    public Event<ReplanMaterialRequest> OrderChanged { get; private set; } = null!;
    public Event<CancelMaterialRequest> OrderCancelled { get; private set; } = null!;
    public Event<TransferDelivered> TransferArrived { get; private set; } = null!;
    public Event<TransferFailed> TransferLost { get; private set; } = null!;

    public Schedule<MaterialRequestState, StockWaitExpired> StockWait { get; private set; } = null!;
    public Schedule<MaterialRequestState, PickTimeoutExpired> PickWait { get; private set; } = null!;

    /// <summary>Requirements are known: reject them, or check the kit.</summary>
    private EventActivityBinder<MaterialRequestState, T> RequirementsKnown<T>(EventActivityBinder<MaterialRequestState, T> binder, bool waiting)
        where T : class =>
        (waiting ? StopWaiting(binder) : binder)
            .IfElse(c => c.Outcome<RequirementsOutcome>() is RequirementsOutcome.Rejected,
                rejected => Reject(rejected, c => ((RequirementsOutcome.Rejected)c.Outcome<RequirementsOutcome>()).Reason),
                resolved => resolved
                    .Evaluate(c => Kit(c).ReserveAsync(c.Saga, c.CancellationToken))
                    .IfElse(c => c.Outcome<KitOutcome>() is KitOutcome.Short,
                        shortage => StartWaitingForStock(shortage),
                        decided => KitDecided(decided)));

    /// <summary>The kit was reserved (pick, or transfer from another site first) or its quantities were unusable (reject).</summary>
    private EventActivityBinder<MaterialRequestState, T> KitDecided<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder.IfElse(c => c.Outcome<KitOutcome>() is KitOutcome.Reserved,
            reserved => IssuePicks(reserved),
            other => other.IfElse(c => c.Outcome<KitOutcome>() is KitOutcome.Transferring,
                transferring => transferring
                    .ThenAsync(async c =>
                    {
                        var transfers = ((KitOutcome.Transferring)c.Outcome<KitOutcome>()).Transfers;
                        foreach (var transfer in MaterialRequestReports.TransferRequests(c.Saga, transfers))
                        {
                            await c.Publish(transfer);
                        }
                    })
                    .TransitionTo(WaitingForTransfer),
                rejected => Reject(rejected, c => ((KitOutcome.Rejected)c.Outcome<KitOutcome>()).Reason)));

    private EventActivityBinder<MaterialRequestState, T> IssuePicks<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .ThenAsync(async c =>
            {
                foreach (var pick in Reports(c).PickOrders(c.Saga))
                {
                    await c.Publish(pick);
                }
            })
            .Schedule(PickWait, c => new PickTimeoutExpired(c.Saga.CorrelationId))
            .TransitionTo(Picking);

    /// <summary>
    /// Short: tell MES, wait for every short material, and re-check once this wait is committed — a stock fact that
    /// was committed before the wait became visible finds no waiter, but cannot escape that re-check.
    /// </summary>
    private EventActivityBinder<MaterialRequestState, T> StartWaitingForStock<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .ThenAsync(c => Waits(c).WaitForStockAsync(c.Saga, ((KitOutcome.Short)c.Outcome<KitOutcome>()).Materials, c.CancellationToken))
            .Publish(c => Reports(c).KitChecked(c.Saga))
            .Schedule(StockWait, c => new StockWaitExpired(c.Saga.CorrelationId))
            .Publish(c => new RecheckKit(c.Saga.CorrelationId))
            .TransitionTo(WaitingForStock);

    /// <summary>Still short, maybe of other materials now: wait for those too, and re-check after commit when the wait grew.</summary>
    private static EventActivityBinder<MaterialRequestState, T> WaitForEveryShortMaterial<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .Evaluate(c => Waits(c).WaitForStockAsync(c.Saga, ((KitOutcome.Short)c.Outcome<KitOutcome>()).Materials, c.CancellationToken))
            .If(c => c.Outcome<WaitRegistration>().Added.Count > 0,
                grew => grew.Publish(c => new RecheckKit(c.Saga.CorrelationId)));

    private EventActivityBinder<MaterialRequestState, T> StopWaiting<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .Unschedule(StockWait)
            .ThenAsync(c => Waits(c).StopAsync(c.Saga, c.CancellationToken));

    private EventActivityBinder<MaterialRequestState, T> Reject<T>(
        EventActivityBinder<MaterialRequestState, T> binder, Func<BehaviorContext<MaterialRequestState, T>, string> reason)
        where T : class =>
        ReleaseReservation(binder.Then(c => Journal(c).Fail(c.Saga, "rejected", reason(c))))
            .Publish(c => Reports(c).Failed(c.Saga, nameof(Rejected)))
            .TransitionTo(Rejected);

    private EventActivityBinder<MaterialRequestState, T> Fail<T>(
        EventActivityBinder<MaterialRequestState, T> binder, string step,
        Func<BehaviorContext<MaterialRequestState, T>, string> reason, Func<BehaviorContext<MaterialRequestState, T>, string>? except = null)
        where T : class =>
        binder
            .ThenAsync(c => FailAsync(c, step, reason(c), except?.Invoke(c)))
            .TransitionTo(Failed);

    /// <summary>The pick part ended without a delivery: cancel open pick orders at the WMS, release, tell MES.</summary>
    private static async Task FailAsync<T>(BehaviorContext<MaterialRequestState, T> c, string step, string reason, string? except = null)
        where T : class
    {
        Journal(c).Fail(c.Saga, step, reason);
        foreach (var cancel in Reports(c).Cancellations(c.Saga, reason, except))
        {
            await c.Publish(cancel);
        }

        var released = await Kit(c).ReleaseAsync(c.Saga, c.CancellationToken);
        if (released.Materials.Count > 0)
        {
            await c.Publish(new StockBecameAvailable(released.Materials));
        }

        await c.Publish(Reports(c).Failed(c.Saga, "Failed"));
    }

    private EventActivityBinder<MaterialRequestState, CancelMaterialRequest> CancelWhileWaiting(
        EventActivityBinder<MaterialRequestState, CancelMaterialRequest> binder) =>
        StopWaiting(binder).ThenAsync(CancelAsync).TransitionTo(Cancelled);

    /// <summary>The order was cancelled: cancel open picks at the WMS and open transfers, release everything, tell MES.</summary>
    private static async Task CancelAsync(BehaviorContext<MaterialRequestState, CancelMaterialRequest> c)
    {
        var reason = c.Message.Reason;
        Journal(c).Fail(c.Saga, "cancelled", reason);
        foreach (var cancel in Reports(c).Cancellations(c.Saga, reason))
        {
            await c.Publish(cancel);
        }

        var released = await Kit(c).ReleaseAsync(c.Saga, c.CancellationToken);
        if (released.Materials.Count > 0)
        {
            await c.Publish(new StockBecameAvailable(released.Materials));
        }

        foreach (var transfer in Transfers(c).Cancel(c.Saga, reason))
        {
            await c.Publish(transfer);
        }

        await c.Publish(Reports(c).Failed(c.Saga, "Cancelled"));
    }

    /// <summary>The order changed while transfers were on their way: cancel the open ones, release everything, to be sourced again.</summary>
    private static async Task ReleaseTransfersForResourcingAsync(BehaviorContext<MaterialRequestState, ReplanMaterialRequest> c)
    {
        foreach (var transfer in Transfers(c).Cancel(c.Saga, $"order {c.Saga.OrderId} changed; the request is sourced again", resourcing: true))
        {
            await c.Publish(transfer);
        }

        // Announced after commit: what the new sourcing does not take again may wake other requests.
        var released = await Kit(c).ReleaseAsync(c.Saga, c.CancellationToken);
        if (released.Materials.Count > 0)
        {
            await c.Publish(new StockBecameAvailable(released.Materials));
        }
    }

    /// <summary>A re-plan's messages: picks cancelled at the WMS, new picks issued, freed stock announced, a shortage told to MES.</summary>
    private static async Task PublishReplanAsync(BehaviorContext<MaterialRequestState, ReplanMaterialRequest> c)
    {
        var replanned = Replanned(c);
        foreach (var cancel in Reports(c).Cancellations(c.Saga, replanned.Cancelled, $"order {c.Saga.OrderId} changed; the pick order was re-planned"))
        {
            await c.Publish(cancel);
        }

        foreach (var pick in Reports(c).PickOrders(c.Saga, replanned.Issued))
        {
            await c.Publish(pick);
        }

        if (replanned.Released.Count > 0)
        {
            await c.Publish(new StockBecameAvailable(replanned.Released));
        }

        if (replanned.Shortage is not null)
        {
            await c.Publish(Reports(c).KitChecked(c.Saga));
        }
    }

    private static ReplanOutcome.Replanned Replanned(PipeContext c) => (ReplanOutcome.Replanned)c.Outcome<ReplanOutcome>();

    /// <summary>Releases what the request still holds; what became available again may wake other requests.</summary>
    private static EventActivityBinder<MaterialRequestState, T> ReleaseReservation<T>(EventActivityBinder<MaterialRequestState, T> binder)
        where T : class =>
        binder
            .Evaluate(c => Kit(c).ReleaseAsync(c.Saga, c.CancellationToken))
            .If(c => c.Outcome<StockReleased>().Materials.Count > 0,
                freed => freed.Publish(c => new StockBecameAvailable(c.Outcome<StockReleased>().Materials)));

    private static EventActivityBinder<MaterialRequestState, T> DeadLetter<T>(
        EventActivityBinder<MaterialRequestState, T> binder, Func<BehaviorContext<MaterialRequestState, T>, string> pickOrderId)
        where T : CanonicalMessage =>
        binder.ThenAsync(c => DeadLetters(c).AddAsync(
            c.Message, pickOrderId(c), ((PickReportOutcome.Unmatched)c.Outcome<PickReportOutcome>()).Reason, c.CancellationToken));

    private static PickReportOutcome.Recorded Recorded(PipeContext c) => (PickReportOutcome.Recorded)c.Outcome<PickReportOutcome>();

    private static MaterialRequestJournal Journal(ConsumeContext c) => c.GetServiceOrCreateInstance<MaterialRequestJournal>();
    private static RequirementsResolver Requirements(ConsumeContext c) => c.GetServiceOrCreateInstance<RequirementsResolver>();
    private static KitReservation Kit(ConsumeContext c) => c.GetServiceOrCreateInstance<KitReservation>();
    private static PickTracker Picks(ConsumeContext c) => c.GetServiceOrCreateInstance<PickTracker>();
    private static MaterialRequestWaits Waits(ConsumeContext c) => c.GetServiceOrCreateInstance<MaterialRequestWaits>();
    private static MaterialRequestReports Reports(ConsumeContext c) => c.GetServiceOrCreateInstance<MaterialRequestReports>();
    private static TransferTracker Transfers(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferTracker>();
    private static PickReportDeadLetters DeadLetters(ConsumeContext c) => c.GetServiceOrCreateInstance<PickReportDeadLetters>();
    private static OrderChangePlanner Replanner(ConsumeContext c) => c.GetServiceOrCreateInstance<OrderChangePlanner>();
    private static IOrderRequestIndex OrderIndex(ConsumeContext c) => c.GetServiceOrCreateInstance<IOrderRequestIndex>();
}
