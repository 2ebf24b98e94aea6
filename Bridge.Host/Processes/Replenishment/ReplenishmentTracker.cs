using Bridge.Host.Processes.Replenishment.Messages;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>Books material arriving at the location against the open request: partial keeps it open, the rest closes it.</summary>
public sealed class ReplenishmentTracker
{
    private const int KeptReceipts = 32;

    public ReceiptOutcome Receive(ReplenishmentState state, ReplenishmentReceived receipt)
    {
        if (state.RecentReceipts.Contains(receipt.SignalId))
            return ReceiptOutcome.Duplicate;
        state.RecentReceipts.Insert(0, receipt.SignalId);
        if (state.RecentReceipts.Count > KeptReceipts)
            state.RecentReceipts.RemoveRange(KeptReceipts, state.RecentReceipts.Count - KeptReceipts);
        state.LastKnownQuantity = receipt.LevelAfter;

        if (state.OpenRequestId is null || !string.Equals(receipt.ReplenishmentId, state.OpenRequestId, StringComparison.Ordinal))
            return ReceiptOutcome.Unrelated;
        state.OpenReceived += receipt.Quantity;
        return state.OpenReceived >= state.OpenQuantity ? ReceiptOutcome.Closed : ReceiptOutcome.Partial;
    }

    public static void Close(ReplenishmentState state)
    {
        state.OpenRequestId = null;
        state.OpenWarehouse = null;
        state.OpenQuantity = 0;
        state.OpenReceived = 0;
        state.OpenAttempts = 0;
        state.OpenSince = null;
    }
}
