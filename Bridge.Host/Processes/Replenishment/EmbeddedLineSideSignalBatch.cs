using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>Embedded mode: levels in memory (they remember recent message ids), notices straight onto the in-memory bus.</summary>
public sealed class EmbeddedLineSideSignalBatch(ILineSideLevels levels) : ILineSideSignalBatch
{
    public async Task<IReadOnlyList<LevelChange?>> ApplyAsync(IReadOnlyList<LocatedSignal> signals, Func<LineSideNotice, Task> publish, CancellationToken ct)
    {
        var changes = await levels.ApplyBatchAsync(signals, ct);
        for (var i = 0; i < signals.Count; i++)
        {
            if (LineSideNotice.For(signals[i], changes[i], null) is { } notice)
                await publish(notice);
        }

        return changes;
    }
}
