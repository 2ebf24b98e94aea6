namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// The one place a signal changes a level, used by every store. Consumption lowers, a reading sets, a receipt raises;
/// a reading older than the last reading is stale, and so is a consumption from before it (the reading already counts it).
/// The saga hears of a low level once: <see cref="LineSideLevel.LowReported"/> is set when the level first reaches the
/// reorder point and cleared only by a receipt that lifts it above, or a reading at least one hysteresis band above.
/// </summary>
public static class LineSideLevelRules
{
    public static LevelChange Apply(LineSideLevel current, LineSideLocation location, LineSideSignal signal)
    {
        if (current.RecentMessageIds.Contains(signal.MessageId))
            return new LevelChange(LevelChangeKind.Duplicate, current);
        if (signal.Kind is LineSideSignalKind.Reading or LineSideSignalKind.Consumption && current.LastReadingAt is { } last && signal.At < last)
            return new LevelChange(LevelChangeKind.Stale, current);

        var quantity = signal.Kind switch
        {
            LineSideSignalKind.Consumption => current.Quantity - signal.Quantity,
            LineSideSignalKind.Reading => signal.Quantity,
            LineSideSignalKind.Receipt => current.Quantity + signal.Quantity,
            LineSideSignalKind.Card => Math.Max(0, current.Quantity - (signal.Quantity * (location.BinQuantity ?? 0))),
            _ => current.Quantity,
        };
        quantity = Math.Max(0, quantity);

        var low = quantity <= location.ReorderPoint;
        var recovered = signal.Kind switch
        {
            LineSideSignalKind.Receipt => !low,
            LineSideSignalKind.Reading => quantity >= location.ReorderPoint + location.Hysteresis,
            _ => false,
        };
        // Every kanban card is news to the saga; for the other modes only the first fall to the reorder point is.
        var becameLow = signal.Kind == LineSideSignalKind.Card || (low && !current.LowReported);
        var next = current with
        {
            Quantity = quantity,
            LastReadingAt = signal.Kind == LineSideSignalKind.Reading ? signal.At : current.LastReadingAt,
            LowReported = becameLow || (current.LowReported && !recovered),
            SignalCount = current.SignalCount + 1,
            LastSignals = Keep(current.LastSignals, signal, LineSideLevel.KeptSignals),
            RecentMessageIds = Keep(current.RecentMessageIds, signal.MessageId, LineSideLevel.KeptMessageIds),
        };
        return new LevelChange(LevelChangeKind.Applied, next) { BecameLow = becameLow };
    }

    private static List<T> Keep<T>(IReadOnlyList<T> list, T item, int max)
    {
        var kept = new List<T>(Math.Min(list.Count + 1, max)) { item };
        for (var i = 0; i < list.Count && kept.Count < max; i++)
            kept.Add(list[i]);
        return kept;
    }
}
