namespace Bridge.Host.Domain.LineSide;

/// <summary>A level as read from <c>line_side_levels</c>, with the row version it was read at.</summary>
public sealed record VersionedLevel(LineSideLevel Level, long Version);
