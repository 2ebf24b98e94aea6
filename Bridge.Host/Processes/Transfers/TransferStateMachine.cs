using Bridge.Contracts.Messages;
using Bridge.Host.Processes.Transfers.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.Transfers;

/// <summary>
/// One transfer order between sites: requested by a material request (<see cref="TransferRequested"/>) → ordered from
/// the TMS (<c>TransferOrderIssued</c>, rendered by the TMS's outbound mapping, sent once the transfer is stored) → the TMS's <c>TransportStatusChanged</c> (dispatched, in transit, delivered, failed) →
/// delivered: the stock arrives at the destination in the stock view and the request is woken
/// (<see cref="TransferDelivered"/>); failed or not delivered within <see cref="TransferSettings.DeliveryTimeout"/>
/// (restarted by each progress report): the request is told (<see cref="TransferFailed"/>). The request no longer
/// needing it (<see cref="TransferCancellationRequested"/>) before delivery: the TMS is told (<c>TransferOrderCancelled</c>)
/// and the transfer ends Cancelled; after delivery the delivered stock stays at the destination. Statuses may come late,
/// twice or out of order (delivered before in transit); nothing after delivered, failed, timed out or cancelled changes
/// the transfer (late statuses are recorded and logged).
/// </summary>
public sealed class TransferStateMachine : MassTransitStateMachine<TransferState>
{
    public TransferStateMachine(IOptions<TransferSettings> options)
    {
        var settings = options.Value;
        InstanceState(x => x.CurrentState);

        Event(() => Requested, e => e.CorrelateById(c => TransferIds.ForTransferOrder(c.Message.TransferOrderId)));
        Event(() => StatusChanged, e =>
        {
            e.CorrelateById(c => TransferIds.ForTransferOrder(c.Message.TransferOrderId));
            e.OnMissingInstance(m => m.ExecuteAsync(c => DeadLetters(c).AddAsync(
                c.Message, $"no transfer order {c.Message.TransferOrderId} was ordered by Bridge", c.CancellationToken)));
        });
        Event(() => CancelRequested, e => e.CorrelateById(c => TransferIds.ForTransferOrder(c.Message.TransferOrderId)));
        Schedule(() => DeliveryWait, x => x.DeliveryTimeoutTokenId, s =>
        {
            s.Delay = settings.DeliveryTimeout;
            s.Received = r => r.CorrelateById(c => c.Message.CorrelationId);
        });

        Initially(
            When(Requested)
                .Then(c => Journal(c).Start(c.Saga, c.Message))
                .Publish(c => Reports(c).Order(c.Saga))
                .Schedule(DeliveryWait, c => new TransferTimeoutExpired(c.Saga.CorrelationId))
                .TransitionTo(Ordered),
            When(CancelRequested)
                .Then(c => Journal(c).CancelBeforeOrder(c.Saga, c.Message))
                .TransitionTo(Cancelled));

        During([Ordered, Dispatched, InTransit],
            When(StatusChanged)
                .IfElse(c => Status(c) == TransportStatus.Delivered,
                    delivered => delivered
                        .Unschedule(DeliveryWait)
                        .Then(c => Journal(c).Record(c.Saga, TransportStatus.Delivered, $"reported by {c.Message.Source} at {c.Message.OccurredAt:O}"))
                        .ThenAsync(async c => await c.Publish(await Arrival(c).ArriveAsync(c.Saga, c.Message.OccurredAt, c.CancellationToken)))
                        .TransitionTo(Delivered),
                    other => other.IfElse(c => Status(c) == TransportStatus.Failed,
                        failed => failed
                            .Unschedule(DeliveryWait)
                            .Then(c => Journal(c).Fail(c.Saga, TransportStatus.Failed, $"the TMS reported the transfer failed at {c.Message.OccurredAt:O}"))
                            .Publish(c => new TransferFailed(c.Saga.RequestId, c.Saga.TransferOrderId, c.Saga.FailureReason!))
                            .TransitionTo(Failed),
                        progress => Progress(progress))),
            When(DeliveryWait!.Received)
                .Then(c => Journal(c).Fail(c.Saga, "timed-out", $"not delivered within {settings.DeliveryTimeout} of the last report"))
                .Publish(c => new TransferFailed(c.Saga.RequestId, c.Saga.TransferOrderId, c.Saga.FailureReason!))
                .TransitionTo(TimedOut),
            When(CancelRequested)
                .Unschedule(DeliveryWait)
                .Then(c => Journal(c).Cancel(c.Saga, c.Message))
                .Publish(c => Reports(c).Cancellation(c.Saga))
                .TransitionTo(Cancelled));

        // Nothing after the end changes the transfer.
        During([Delivered, Failed, TimedOut, Cancelled],
            When(StatusChanged).Then(c => Journal(c).Late(c.Saga, c.Message.Status)),
            When(CancelRequested).Then(c => Journal(c).CancelAfterEnd(c.Saga, c.Message)),
            Ignore(DeliveryWait.Received));

        During([Ordered, Dispatched, InTransit, Delivered, Failed, TimedOut],
            When(Requested)
                .Then(c => Journal(c).Record(c.Saga, "duplicate", $"transfer order {c.Message.TransferOrderId} was already requested; ignored")));
        During(Cancelled,
            When(Requested)
                .Then(c => Journal(c).Record(c.Saga, "not-ordered", $"transfer order {c.Message.TransferOrderId} was cancelled before it was requested; nothing sent to the TMS")));
    }

    /// <summary>The states nothing moves a transfer on from: its row may go once <c>Bridge:SagaRetention</c> has passed.</summary>
    public static readonly string[] EndedStates = [nameof(Delivered), nameof(Failed), nameof(TimedOut), nameof(Cancelled)];

    public State Ordered { get; private set; } = null!;
    public State Dispatched { get; private set; } = null!;
    public State InTransit { get; private set; } = null!;
    public State Delivered { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<TransferRequested> Requested { get; private set; } = null!;
    public Event<TransportStatusChanged> StatusChanged { get; private set; } = null!;
    public Event<TransferCancellationRequested> CancelRequested { get; private set; } = null!;

    public Schedule<TransferState, TransferTimeoutExpired> DeliveryWait { get; private set; } = null!;

    /// <summary>Dispatched (from ordered) and in transit (from ordered or dispatched) move on and restart the timeout; late or repeated progress is recorded only; an unknown word is dead-lettered.</summary>
    private EventActivityBinder<TransferState, TransportStatusChanged> Progress(EventActivityBinder<TransferState, TransportStatusChanged> binder) =>
        binder.IfElse(c => Status(c) is null,
            unknown => unknown.ThenAsync(c => DeadLetters(c).AddAsync(c.Message,
                $"transfer order {c.Message.TransferOrderId}: unknown transport status '{c.Message.Status}' (expected dispatched, in-transit, delivered or failed)",
                c.CancellationToken)),
            known => known.IfElse(c => Status(c) == TransportStatus.InTransit && c.Saga.CurrentState != InTransit.Name,
                inTransit => inTransit
                    .Then(c => Journal(c).Record(c.Saga, TransportStatus.InTransit, $"reported by {c.Message.Source} at {c.Message.OccurredAt:O}"))
                    .Schedule(DeliveryWait, c => new TransferTimeoutExpired(c.Saga.CorrelationId))
                    .TransitionTo(InTransit),
                other => other.IfElse(c => Status(c) == TransportStatus.Dispatched && c.Saga.CurrentState == Ordered.Name,
                    dispatched => dispatched
                        .Then(c => Journal(c).Record(c.Saga, TransportStatus.Dispatched, $"reported by {c.Message.Source} at {c.Message.OccurredAt:O}"))
                        .Schedule(DeliveryWait, c => new TransferTimeoutExpired(c.Saga.CorrelationId))
                        .TransitionTo(Dispatched),
                    late => late.Then(c => Journal(c).Record(c.Saga, "late-status", $"{c.Message.Status} while {c.Saga.CurrentState}; ignored")))));

    private static string? Status(BehaviorContext<TransferState, TransportStatusChanged> c) => TransportStatus.Parse(c.Message.Status);

    private static TransferJournal Journal(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferJournal>();
    private static TransferReports Reports(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferReports>();
    private static TransferArrival Arrival(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferArrival>();
    private static TransferReportDeadLetters DeadLetters(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferReportDeadLetters>();
}
