using Bridge.Contracts.Messages;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Writes a request's history (what happened, in which state, when) and its start and failure data.</summary>
public sealed class MaterialRequestJournal(TimeProvider time)
{
    public void Start(MaterialRequestState state, MaterialRequested request)
    {
        state.RequestId = request.RequestId;
        state.OrderId = request.OrderId;
        state.Location = request.Location;
        state.Line = request.Line;
        state.Requester = request.Source;
        state.OrderQuantity = request.OrderQuantity;
        state.NeededBy = request.NeededBy;
        state.Required = request.Lines.ToList();
        state.CreatedAt = time.GetUtcNow();
        Record(state, "requested", $"order {request.OrderId} to {request.Location} from {request.Source}");
    }

    public void Fail(MaterialRequestState state, string step, string reason)
    {
        state.FailureReason ??= reason;
        Record(state, step, reason);
    }

    public void Record(MaterialRequestState state, string step, string detail)
    {
        var now = time.GetUtcNow();
        state.UpdatedAt = now;
        state.History.Add(new MaterialRequestStep(now, step, state.CurrentState, detail));
    }
}
