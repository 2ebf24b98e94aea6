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

        pick.Confirmed = true;
        pick.ConfirmedLines = confirmation.Lines.ToList();
        journal.Record(state, "confirmed", $"{pick.PickOrderId}: {confirmation.Lines.Count} line(s)");
        return new PickReportOutcome.Recorded(pick, state.Picks.All(p => p.Confirmed));
    }

    public PickReportOutcome Fail(MaterialRequestState state, PickFailed failure)
    {
        var pick = state.Picks.FirstOrDefault(p => p.PickOrderId == failure.PickOrderId);
        return pick is null ? Unmatched(state, failure.PickOrderId) : new PickReportOutcome.Recorded(pick, false);
    }

    private static PickReportOutcome.Unmatched Unmatched(MaterialRequestState state, string pickOrderId) =>
        new($"material request {state.RequestId} issued no pick order {pickOrderId} (its pick orders: {string.Join(", ", state.Picks.Select(p => p.PickOrderId))})");
}
