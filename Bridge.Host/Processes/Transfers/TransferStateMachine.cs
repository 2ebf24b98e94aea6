using Bridge.Contracts.Messages;
using Bridge.Host.Processes.Transfers.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.Transfers;

/// <summary>
/// One transfer order between sites: issued (the request's <c>TransferOrderIssued</c>, which the TMS receives through
/// its outbound mapping) → the TMS's <c>TransportStatusChanged</c> (dispatched, in transit, delivered, failed) →
/// delivered: the stock arrives at the destination in the stock view and the request is woken
/// (<see cref="TransferDelivered"/>); failed or not delivered within <see cref="TransferSettings.DeliveryTimeout"/>
/// (restarted by each progress report): the request is told (<see cref="TransferFailed"/>). Statuses may come late,
/// twice or out of order (delivered before in transit); nothing after delivered, failed or timed out changes the transfer.
/// </summary>
public sealed class TransferStateMachine : MassTransitStateMachine<TransferState>
{
    public TransferStateMachine(IOptions<TransferSettings> options)
    {
        var settings = options.Value;
        InstanceState(x => x.CurrentState);

        Event(() => Issued, e => e.CorrelateById(c => TransferIds.ForTransferOrder(c.Message.TransferOrderId)));
        Event(() => StatusChanged, e =>
        {
            e.CorrelateById(c => TransferIds.ForTransferOrder(c.Message.TransferOrderId));
            e.OnMissingInstance(m => m.ExecuteAsync(c => DeadLetters(c).AddAsync(
                c.Message, $"no transfer order {c.Message.TransferOrderId} was issued by Bridge", c.CancellationToken)));
        });
        Schedule(() => DeliveryWait, x => x.DeliveryTimeoutTokenId, s =>
        {
            s.Delay = settings.DeliveryTimeout;
            s.Received = r => r.CorrelateById(c => c.Message.CorrelationId);
        });

        Initially(
            When(Issued)
                .Then(c => Journal(c).Start(c.Saga, c.Message))
                .Schedule(DeliveryWait, c => new TransferTimeoutExpired(c.Saga.CorrelationId))
                .TransitionTo(Ordered));

        During([Ordered, Dispatched, InTransit],
            When(StatusChanged, c => TransportStatus.Is(c.Message.Status, TransportStatus.Delivered))
                .Unschedule(DeliveryWait)
                .Then(c => Journal(c).Record(c.Saga, TransportStatus.Delivered, $"reported by {c.Message.Source} at {c.Message.OccurredAt:O}"))
                .ThenAsync(async c => await c.Publish(await Arrival(c).ArriveAsync(c.Saga, c.Message.OccurredAt, c.CancellationToken)))
                .TransitionTo(Delivered),
            When(StatusChanged, c => TransportStatus.Is(c.Message.Status, TransportStatus.Failed))
                .Unschedule(DeliveryWait)
                .Then(c => Journal(c).Fail(c.Saga, TransportStatus.Failed, $"the TMS reported the transfer failed at {c.Message.OccurredAt:O}"))
                .Publish(c => new TransferFailed(c.Saga.RequestId, c.Saga.TransferOrderId, c.Saga.FailureReason!))
                .TransitionTo(Failed),
            When(DeliveryWait!.Received)
                .Then(c => Journal(c).Fail(c.Saga, "timed-out", $"not delivered within {settings.DeliveryTimeout} of the last report"))
                .Publish(c => new TransferFailed(c.Saga.RequestId, c.Saga.TransferOrderId, c.Saga.FailureReason!))
                .TransitionTo(TimedOut),
            When(StatusChanged, c => TransportStatus.Parse(c.Message.Status) is null)
                .ThenAsync(c => DeadLetters(c).AddAsync(c.Message,
                    $"transfer order {c.Message.TransferOrderId}: unknown transport status '{c.Message.Status}' (expected dispatched, in-transit, delivered or failed)",
                    c.CancellationToken)));

        During(Ordered,
            When(StatusChanged, c => TransportStatus.Is(c.Message.Status, TransportStatus.Dispatched))
                .Then(c => Journal(c).Record(c.Saga, TransportStatus.Dispatched, $"reported by {c.Message.Source} at {c.Message.OccurredAt:O}"))
                .Schedule(DeliveryWait, c => new TransferTimeoutExpired(c.Saga.CorrelationId))
                .TransitionTo(Dispatched));
        During([Ordered, Dispatched],
            When(StatusChanged, c => TransportStatus.Is(c.Message.Status, TransportStatus.InTransit))
                .Then(c => Journal(c).Record(c.Saga, TransportStatus.InTransit, $"reported by {c.Message.Source} at {c.Message.OccurredAt:O}"))
                .Schedule(DeliveryWait, c => new TransferTimeoutExpired(c.Saga.CorrelationId))
                .TransitionTo(InTransit));

        // Late or repeated progress: recorded, changes nothing.
        During([Dispatched, InTransit],
            When(StatusChanged, c => TransportStatus.Is(c.Message.Status, TransportStatus.Dispatched))
                .Then(c => Journal(c).Record(c.Saga, "late-status", $"{c.Message.Status} while {c.Saga.CurrentState}; ignored")));
        During(InTransit,
            When(StatusChanged, c => TransportStatus.Is(c.Message.Status, TransportStatus.InTransit))
                .Then(c => Journal(c).Record(c.Saga, "late-status", $"{c.Message.Status} while {c.Saga.CurrentState}; ignored")));

        // Nothing after the end changes the transfer.
        During([Delivered, Failed, TimedOut],
            When(StatusChanged)
                .Then(c => Journal(c).Record(c.Saga, "late-status", $"{c.Message.Status} after the transfer ended {c.Saga.CurrentState}; ignored")),
            Ignore(DeliveryWait.Received));

        DuringAny(
            When(Issued)
                .Then(c => Journal(c).Record(c.Saga, "duplicate", $"transfer order {c.Message.TransferOrderId} was already issued; ignored")));
    }

    public State Ordered { get; private set; } = null!;
    public State Dispatched { get; private set; } = null!;
    public State InTransit { get; private set; } = null!;
    public State Delivered { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;

    public Event<TransferOrderIssued> Issued { get; private set; } = null!;
    public Event<TransportStatusChanged> StatusChanged { get; private set; } = null!;

    public Schedule<TransferState, TransferTimeoutExpired> DeliveryWait { get; private set; } = null!;

    private static TransferJournal Journal(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferJournal>();
    private static TransferArrival Arrival(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferArrival>();
    private static TransferReportDeadLetters DeadLetters(ConsumeContext c) => c.GetServiceOrCreateInstance<TransferReportDeadLetters>();
}
