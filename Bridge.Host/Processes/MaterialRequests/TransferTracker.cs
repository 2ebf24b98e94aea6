using Bridge.Host.Processes.Transfers.Messages;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Matches the transfer saga's reports to the request's transfer orders: a delivery adds the arrived lines to what
/// the request will pick; a failure re-sources once (<see cref="RequestSourcing.ResourceAsync"/>). A report on a
/// transfer that already ended, or that the request did not order, changes nothing.
/// </summary>
public sealed class TransferTracker(RequestSourcing sourcing, MaterialRequestJournal journal)
{
    public TransferOutcome Arrive(MaterialRequestState state, TransferDelivered delivered)
    {
        if (Open(state, delivered.TransferOrderId) is not { } track)
        {
            return new TransferOutcome.Pending([]);
        }

        track.Status = TransferTrack.Delivered;
        track.Arrived = delivered.Arrived.ToList();
        journal.Record(state, "transfer-delivered", $"{track.TransferOrderId}: {track.FromWarehouse} → {track.ToWarehouse}, {track.Arrived.Count} line(s) arrived");
        return Next(state);
    }

    public async Task<TransferOutcome> FailAsync(MaterialRequestState state, TransferFailed failed, CancellationToken ct)
    {
        if (Open(state, failed.TransferOrderId) is not { } track)
        {
            return new TransferOutcome.Pending([]);
        }

        track.Status = TransferTrack.Failed;
        track.FailureReason = failed.Reason;
        journal.Record(state, "transfer-failed", $"{track.TransferOrderId} from {track.FromWarehouse}: {failed.Reason}");
        var again = state.FailedSources.Count == 0;
        if (await sourcing.ResourceAsync(state, track, ct) is not { } resourced)
        {
            return new TransferOutcome.Short($"transfer {track.TransferOrderId} from {track.FromWarehouse} failed ({failed.Reason}); "
                + (again ? "no other source covers it in time" : "the request was already re-sourced once"));
        }

        state.LocalLines.AddRange(resourced.Local);
        state.Transfers.AddRange(resourced.Transfers);
        return resourced.Transfers.Count > 0 ? new TransferOutcome.Pending(resourced.Transfers) : Next(state);
    }

    private TransferTrack? Open(MaterialRequestState state, string transferOrderId)
    {
        var track = state.Transfers.FirstOrDefault(t => t.TransferOrderId == transferOrderId);
        if (track is { Status: TransferTrack.Issued })
        {
            return track;
        }

        journal.Record(state, "transfer-report-ignored", track is null
            ? $"{transferOrderId} is not a transfer order of this request"
            : $"{transferOrderId} is already {track.Status}");
        return null;
    }

    private static TransferOutcome Next(MaterialRequestState state)
    {
        if (state.Transfers.Any(t => t.Status == TransferTrack.Issued))
        {
            return new TransferOutcome.Pending([]);
        }

        state.Picks = MaterialRequestPicks.Plan(state, state.LocalLines.Concat(state.Transfers.SelectMany(t => t.Arrived)));
        return new TransferOutcome.Ready(state.Picks);
    }
}
