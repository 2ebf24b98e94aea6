using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Processes.Transfers.Messages;
using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>The messages a request sends: kit status and its end to MES, pick orders and their cancellations to the WMS, transfers to the transfer saga.</summary>
public sealed class MaterialRequestReports(TimeProvider time)
{
    public KitChecked KitChecked(MaterialRequestState state)
    {
        var kit = new KitResult(state.LastKit);
        return new KitChecked
        {
            MessageId = NewId.NextGuid(),
            CorrelationId = state.RequestId,
            Source = ProcessSource.Bridge,
            OccurredAt = time.GetUtcNow(),
            OrderId = state.OrderId,
            RequestId = state.RequestId,
            Complete = kit.Complete,
            KitRate = kit.KitRate,
            Lines = state.LastKit,
        };
    }

    public IEnumerable<PickOrderIssued> PickOrders(MaterialRequestState state) => PickOrders(state, state.Picks);

    public IEnumerable<PickOrderIssued> PickOrders(MaterialRequestState state, IEnumerable<PickOrderTrack> picks) =>
        picks.Select(pick => new PickOrderIssued
        {
            MessageId = NewId.NextGuid(),
            CorrelationId = state.RequestId,
            Source = ProcessSource.Bridge,
            OccurredAt = time.GetUtcNow(),
            PickOrderId = pick.PickOrderId,
            RequestId = state.RequestId,
            OrderId = state.OrderId,
            Warehouse = pick.Warehouse,
            Destination = state.Location,
            Lines = pick.Lines,
        });

    /// <summary>Cancellations for every pick order not yet confirmed, except the one the WMS itself reported failed.</summary>
    public IEnumerable<PickOrderCancelled> Cancellations(MaterialRequestState state, string reason, string? except = null) =>
        Cancellations(state, state.Picks.Where(p => !p.Confirmed && !p.Cancelled && p.PickOrderId != except), reason);

    public IEnumerable<PickOrderCancelled> Cancellations(MaterialRequestState state, IEnumerable<PickOrderTrack> picks, string reason) =>
        picks.Select(pick => new PickOrderCancelled
        {
            MessageId = NewId.NextGuid(),
            CorrelationId = state.RequestId,
            Source = ProcessSource.Bridge,
            OccurredAt = time.GetUtcNow(),
            PickOrderId = pick.PickOrderId,
            RequestId = state.RequestId,
            OrderId = state.OrderId,
            Warehouse = pick.Warehouse,
            Reason = reason,
        });

    /// <summary>Starts a transfer saga per transfer; each orders its transfer from the TMS.</summary>
    public static IEnumerable<TransferRequested> TransferRequests(MaterialRequestState state, IEnumerable<TransferTrack> transfers) =>
        transfers.Select(t => new TransferRequested(t.TransferOrderId, state.RequestId, t.FromWarehouse, t.ToWarehouse, t.Lines));

    public MaterialDelivered Delivered(MaterialRequestState state) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = state.RequestId,
        Source = ProcessSource.Bridge,
        OccurredAt = time.GetUtcNow(),
        RequestId = state.RequestId,
        OrderId = state.OrderId,
        Location = state.Location,
        Lines = state.Picks.SelectMany(p => p.ConfirmedLines).ToList(),
    };

    /// <param name="endState">The state the request is ending in (the transition has not happened yet).</param>
    public MaterialRequestFailed Failed(MaterialRequestState state, string endState) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = state.RequestId,
        Source = ProcessSource.Bridge,
        OccurredAt = time.GetUtcNow(),
        RequestId = state.RequestId,
        OrderId = state.OrderId,
        State = endState,
        Reason = state.FailureReason ?? endState,
        Shortages = state.LastKit.Where(l => l.Shortage > 0m).ToList(),
    };
}
