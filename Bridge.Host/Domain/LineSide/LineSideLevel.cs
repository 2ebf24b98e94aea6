namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// What Bridge knows of a location's stock: the quantity, the time of the last reading applied, whether the saga has been
/// told the level is low (and not yet that it recovered), and the last signals with their sources and times.
/// </summary>
public sealed record LineSideLevel
{
    public const int KeptSignals = 10;
    public const int KeptMessageIds = 64;

    public required string Location { get; init; }
    public decimal Quantity { get; init; }
    public DateTimeOffset? LastReadingAt { get; init; }
    public bool LowReported { get; init; }
    public long SignalCount { get; init; }
    public IReadOnlyList<LineSideSignal> LastSignals { get; init; } = [];
    /// <summary>Message ids applied lately: a redelivered signal changes nothing.</summary>
    public IReadOnlyList<Guid> RecentMessageIds { get; init; } = [];
    /// <summary>Per source, the newest signal applied (<see cref="LineSideSignalMarks"/>): how the production projection applies a signal once.</summary>
    public IReadOnlyDictionary<string, SourceMark> Marks { get; init; } = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
}
