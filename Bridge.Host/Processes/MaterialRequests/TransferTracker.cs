using Bridge.Host.Processes.Transfers.Messages;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Matches the transfer saga's reports to the request's transfer orders: a delivery adds the arrived lines to what
/// the request will pick; a failure re-sources once (<see cref="RequestSourcing.ResourceAsync"/>). A report on a
/// transfer that already ended, or that the request did not order, changes nothing. When the request no longer needs
/// its transfers (order cancelled or changed), every open one is asked to cancel.
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

    /// <summary>
    /// Marks every transfer still on its way cancelled and returns the cancellations for the transfer saga; with
    /// <paramref name="resourcing"/>, delivered ones are let go too (their stock is released as free stock at the
    /// destination and sourcing finds it there again). A second call finds nothing open.
    /// </summary>
    public IReadOnlyList<TransferCancellationRequested> Cancel(MaterialRequestState state, string reason, bool resourcing = false)
    {
        var cancellations = new List<TransferCancellationRequested>();
        foreach (var track in state.Transfers)
        {
            if (track.Status == TransferTrack.Issued)
            {
                track.Status = TransferTrack.Cancelled;
                track.FailureReason = reason;
                cancellations.Add(new TransferCancellationRequested(track.TransferOrderId, state.RequestId, state.OrderId, reason));
                journal.Record(state, "transfer-cancelled", $"{track.TransferOrderId} from {track.FromWarehouse}: {reason}");
            }
            else if (resourcing && track.Status == TransferTrack.Delivered)
            {
                track.Status = TransferTrack.Released;
                journal.Record(state, "transfer-released", $"{track.TransferOrderId}: delivered stock at {track.ToWarehouse} released; the request is sourced again");
            }
        }

        if (resourcing)
        {
            state.LocalLines.Clear();
        }

        return cancellations;
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

        state.Picks = MaterialRequestPicks.Plan(state, state.LocalLines.Concat(state.Transfers.Where(t => t.Status == TransferTrack.Delivered).SelectMany(t => t.Arrived)));
        return new TransferOutcome.Ready(state.Picks);
    }
}
