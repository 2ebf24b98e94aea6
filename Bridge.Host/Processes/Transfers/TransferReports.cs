using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Transfers;

/// <summary>The messages a transfer sends to the TMS (rendered by the TMS's outbound mappings): its order, and its cancellation.</summary>
public sealed class TransferReports(TimeProvider time)
{
    public TransferOrderIssued Order(TransferState state) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = state.RequestId,
        Source = ProcessSource.Bridge,
        OccurredAt = time.GetUtcNow(),
        TransferOrderId = state.TransferOrderId,
        RequestId = state.RequestId,
        FromWarehouse = state.FromWarehouse,
        ToWarehouse = state.ToWarehouse,
        Lines = state.Lines,
    };

    public TransferOrderCancelled Cancellation(TransferState state) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = state.RequestId,
        Source = ProcessSource.Bridge,
        OccurredAt = time.GetUtcNow(),
        TransferOrderId = state.TransferOrderId,
        RequestId = state.RequestId,
        FromWarehouse = state.FromWarehouse,
        ToWarehouse = state.ToWarehouse,
        Reason = state.CancellationReason ?? "the material request no longer needs the transfer",
    };
}
