using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What the HTTP API shows of a material request.</summary>
public sealed record MaterialRequestView(
    string RequestId,
    string OrderId,
    string Location,
    string State,
    string? FailureReason,
    IReadOnlyList<MaterialLine> Required,
    IReadOnlyList<KitLine> Shortages,
    IReadOnlyList<PickOrderTrack> PickOrders,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<MaterialRequestStep> History,
    DateTimeOffset? NeededBy,
    IReadOnlyList<SourcingLine> Sourcing,
    IReadOnlyList<TransferTrack> Transfers)
{
    public static MaterialRequestView From(MaterialRequestState s) => new(
        s.RequestId, s.OrderId, s.Location, s.CurrentState, s.FailureReason, s.Required,
        s.LastKit.Where(l => l.Shortage > 0m).ToList(), s.Picks, s.CreatedAt, s.UpdatedAt, s.History,
        s.NeededBy, s.Sourcing, s.Transfers);
}
