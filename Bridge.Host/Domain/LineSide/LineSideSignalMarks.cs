namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// Applies a signal once by its source's high-water mark (<see cref="SourceMark"/>) instead of a remembered message id:
/// a signal older than the last one applied from the same source is <see cref="LevelChangeKind.Stale"/> (a redelivery, or
/// a signal overtaken by a newer one of its source — what an in-order queue never delivers otherwise), one with the same
/// time and an id applied at that time a <see cref="LevelChangeKind.Duplicate"/>.
/// The level itself changes by <see cref="LineSideLevelRules"/>, as everywhere.
/// </summary>
public static class LineSideSignalMarks
{
    public static LevelChange ApplyOnce(LineSideLevel current, LineSideLocation location, LineSideSignal signal)
    {
        var mark = current.Marks.GetValueOrDefault(signal.Source);
        if (mark is not null && signal.At == mark.At && mark.Ids.Contains(signal.MessageId))
            return new LevelChange(LevelChangeKind.Duplicate, current);
        if (mark is not null && signal.At < mark.At)
            return new LevelChange(LevelChangeKind.Stale, current);
        var change = LineSideLevelRules.Apply(current with { RecentMessageIds = [] }, location, signal);
        if (change.Kind != LevelChangeKind.Applied)
            return change with { Level = current };
        var marks = new Dictionary<string, SourceMark>(current.Marks, StringComparer.Ordinal)
        {
            [signal.Source] = mark is not null && mark.At == signal.At
                ? new SourceMark(signal.At, [signal.MessageId, .. mark.Ids.Take(SourceMark.KeptIds - 1)])
                : new SourceMark(signal.At, [signal.MessageId]),
        };
        return change with { Level = change.Level with { RecentMessageIds = [], Marks = marks } };
    }
}
