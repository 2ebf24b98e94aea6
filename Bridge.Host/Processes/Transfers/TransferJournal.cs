using Bridge.Host.Processes.Transfers.Messages;

namespace Bridge.Host.Processes.Transfers;

/// <summary>Writes a transfer's history and its start and failure data.</summary>
public sealed class TransferJournal(TimeProvider time)
{
    public void Start(TransferState state, TransferRequested order)
    {
        state.TransferOrderId = order.TransferOrderId;
        state.RequestId = order.RequestId;
        state.FromWarehouse = order.FromWarehouse;
        state.ToWarehouse = order.ToWarehouse;
        state.Lines = order.Lines.ToList();
        state.CreatedAt = time.GetUtcNow();
        Record(state, "ordered", $"{order.FromWarehouse} → {order.ToWarehouse}, {order.Lines.Count} line(s) for request {order.RequestId}");
    }

    public void Fail(TransferState state, string step, string reason)
    {
        state.FailureReason ??= reason;
        Record(state, step, reason);
    }

    public void Record(TransferState state, string step, string detail)
    {
        var now = time.GetUtcNow();
        state.UpdatedAt = now;
        state.History.Add(new TransferStep(now, step, state.CurrentState, detail));
    }
}
