using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>Embedded mode: levels in memory (they remember recent message ids), notices straight onto the in-memory bus.</summary>
public sealed class EmbeddedLineSideSignalBatch(ILineSideLevels levels) : ILineSideSignalBatch
{
    public async Task<IReadOnlyList<LevelChange?>> ApplyAsync(IReadOnlyList<LocatedSignal> signals, Func<LineSideNotice, Task> publish, CancellationToken ct)
    {
        var changes = new LevelChange?[signals.Count];
        for (var i = 0; i < signals.Count; i++)
        {
            var change = await levels.ApplyAsync(signals[i].Location, signals[i].Signal, ct);
            changes[i] = change;
            if (LineSideNotice.For(signals[i], change, null) is { } notice)
                await publish(notice);
        }

        return changes;
    }
}
