using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Transfers;

/// <summary>The message a transfer sends: its order to the TMS (rendered by the TMS's outbound mapping).</summary>
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
}
