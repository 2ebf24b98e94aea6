using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Processes.MaterialRequests;

namespace Bridge.Host.Operations.Trace;

/// <summary>
/// A process's whole journey by correlation id, in time order: inbound payloads and the canonical messages made from
/// them, outbound calls (with redeliveries and failures), dead letters, and the material request's transitions.
/// </summary>
public sealed class ProcessTrace(IAuditTrail audit, ISagaStateReader<MaterialRequestState> requests)
{
    public async Task<IReadOnlyList<TraceStep>> FindAsync(string correlationId, CancellationToken ct)
    {
        var steps = (await audit.FindByCorrelationAsync(correlationId, ct))
            .Select(r => new TraceStep(r.Entry.At, r.Entry.Direction == "in" ? "inbound" : "outbound", r.Entry.System,
                r.Entry.MessageType, r.Entry.Result, r.Entry.Reason, r.Entry.DurationMs))
            .ToList();
        if (await requests.FindAsync(MaterialRequestIds.ForRequest(correlationId), ct) is { } request)
        {
            steps.AddRange(request.History.Select(h => new TraceStep(h.At, "saga", null, h.Step, h.State, h.Detail, null)));
        }

        // Stable: a saga step and the message that caused it at the same instant keep the order they were found in.
        return steps.OrderBy(s => s.At).ToList();
    }
}
