namespace Bridge.Host.Domain.LineSide;

public enum LevelChangeKind
{
    Applied,
    /// <summary>The same message id was applied before.</summary>
    Duplicate,
    /// <summary>A reading (or a consumption) older than the last reading applied: it would move the level back in time.</summary>
    Stale,
}
