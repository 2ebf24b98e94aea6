using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>What <c>GET /api/line-side</c> shows of a location: its settings, level, state, open request and last signals.</summary>
public sealed record LineSideView(
    string Location,
    string Line,
    string Material,
    string Unit,
    string Mode,
    decimal ReorderPoint,
    decimal Max,
    decimal? Quantity,
    string State,
    OpenReplenishmentView? OpenRequest,
    DateTimeOffset? LastReadingAt,
    long Signals,
    IReadOnlyList<LineSideSignal> LastSignals,
    IReadOnlyList<ReplenishmentStep>? History)
{
    public static LineSideView From(LineSideLocation location, LineSideLevel? level, ReplenishmentState? saga, bool withHistory) => new(
        location.Id, location.Line, location.Material, location.Unit, location.Mode.ToString(), location.ReorderPoint, location.Max,
        level?.Quantity ?? saga?.LastKnownQuantity,
        saga?.CurrentState is { Length: > 0 } state ? state : "Watching",
        saga?.OpenRequestId is { } id
            ? new OpenReplenishmentView(id, saga.OpenWarehouse ?? "", saga.OpenQuantity, saga.OpenReceived, saga.OpenAttempts, saga.OpenSince)
            : null,
        level?.LastReadingAt,
        level?.SignalCount ?? 0,
        level?.LastSignals ?? [],
        withHistory ? saga?.History ?? [] : null);
}
