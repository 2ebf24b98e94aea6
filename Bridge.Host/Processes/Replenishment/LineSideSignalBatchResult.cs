using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>What a committed batch did: each signal's change (null for one that was dead-lettered) and the notices to publish.</summary>
public sealed record LineSideSignalBatchResult(IReadOnlyList<(LocatedSignal Signal, LevelChange Change)> Changes, IReadOnlyList<LineSideNotice> Notices, int DeadLettered);
