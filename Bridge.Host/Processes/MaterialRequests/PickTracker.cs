using Bridge.Contracts.Messages;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Matches the WMS's reports to the request's pick orders and records confirmations.</summary>
public sealed class PickTracker(MaterialRequestJournal journal)
{
    public PickReportOutcome Confirm(MaterialRequestState state, PickConfirmed confirmation)
    {
        var pick = state.Picks.FirstOrDefault(p => p.PickOrderId == confirmation.PickOrderId);
        if (pick is null)
        {
            return Unmatched(state, confirmation.PickOrderId);
        }

        if (pick.Cancelled)
        {
            return CancelledBefore(state, pick);
        }

        pick.Confirmed = true;
        pick.ConfirmedLines = confirmation.Lines.ToList();
        journal.Record(state, "confirmed", $"{pick.PickOrderId}: {confirmation.Lines.Count} line(s)");
        return new PickReportOutcome.Recorded(pick, state.Picks.Where(p => !p.Cancelled).All(p => p.Confirmed));
    }

    public PickReportOutcome Fail(MaterialRequestState state, PickFailed failure)
    {
        var pick = state.Picks.FirstOrDefault(p => p.PickOrderId == failure.PickOrderId);
        return pick switch
        {
            null => Unmatched(state, failure.PickOrderId),
            { Cancelled: true } => CancelledBefore(state, pick),
            _ => new PickReportOutcome.Recorded(pick, false),
        };
    }

    private static PickReportOutcome.Unmatched CancelledBefore(MaterialRequestState state, PickOrderTrack pick) =>
        new($"pick order {pick.PickOrderId} of material request {state.RequestId} was cancelled after a change of order {state.OrderId}; "
            + "what the WMS picked for it is not delivered through Bridge and not taken out of its stock view");

    private static PickReportOutcome.Unmatched Unmatched(MaterialRequestState state, string pickOrderId) =>
        new($"material request {state.RequestId} issued no pick order {pickOrderId} (its pick orders: {string.Join(", ", state.Picks.Select(p => p.PickOrderId))})");
}
