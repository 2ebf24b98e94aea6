using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Processes.Transfers.Messages;

namespace Bridge.Host.Processes.Transfers;

/// <summary>Writes a transfer's history and its start, failure and cancellation data; logs what the transfer ignores after its end.</summary>
public sealed class TransferJournal(TimeProvider time, ILogger<TransferJournal> logger)
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

    /// <summary>The request no longer needs the transfer while the TMS still works on it: the TMS is told.</summary>
    public void Cancel(TransferState state, TransferCancellationRequested cancel)
    {
        state.CancellationReason ??= cancel.Reason;
        Record(state, "cancelled", $"{cancel.Reason}; cancellation sent to the TMS while {state.CurrentState}");
        Log.TransferCancelled(logger, LogText.Escape(state.TransferOrderId), LogText.Escape(cancel.Reason));
    }

    /// <summary>
    /// A cancellation that arrives before the transfer was requested (a redelivered or reordered message): the transfer
    /// is created cancelled, so the request that follows orders nothing from the TMS.
    /// </summary>
    public void CancelBeforeOrder(TransferState state, TransferCancellationRequested cancel)
    {
        state.TransferOrderId = cancel.TransferOrderId;
        state.RequestId = cancel.RequestId;
        state.CancellationReason = cancel.Reason;
        state.CreatedAt = time.GetUtcNow();
        Record(state, "cancelled", $"{cancel.Reason}; cancelled before it was ordered, nothing sent to the TMS");
    }

    /// <summary>A cancellation after the end changes nothing; after a delivery the stock stays at the destination.</summary>
    public void CancelAfterEnd(TransferState state, TransferCancellationRequested cancel)
    {
        var detail = state.CurrentState switch
        {
            "Delivered" => $"The delivered stock stays at {state.ToWarehouse} (bin {state.TransferOrderId}) as free stock once request {state.RequestId} releases it.",
            "Cancelled" => "The transfer was already cancelled.",
            _ => "Nothing is on its way.",
        };
        Record(state, "cancel-ignored", $"{cancel.Reason}; the transfer already ended {state.CurrentState}. {detail}");
        Log.CancellationAfterEnd(logger, LogText.Escape(state.TransferOrderId), state.CurrentState, detail);
    }

    public void Late(TransferState state, string? status)
    {
        Record(state, "late-status", $"{status} after the transfer ended {state.CurrentState}; ignored");
        Log.LateStatusIgnored(logger, LogText.Escape(state.TransferOrderId), LogText.Escape(status ?? ""), state.CurrentState);
    }

    public void Record(TransferState state, string step, string detail)
    {
        var now = time.GetUtcNow();
        state.UpdatedAt = now;
        state.History.Add(new TransferStep(now, step, state.CurrentState, detail));
    }
}
