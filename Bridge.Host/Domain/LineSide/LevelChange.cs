namespace Bridge.Host.Domain.LineSide;

/// <summary>What applying one signal did to a location's level.</summary>
public sealed record LevelChange(LevelChangeKind Kind, LineSideLevel Level)
{
    /// <summary>True when this signal took the level to or below the reorder point while the saga did not know it was low.</summary>
    public bool BecameLow { get; init; }
}
