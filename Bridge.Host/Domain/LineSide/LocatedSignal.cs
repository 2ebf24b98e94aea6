namespace Bridge.Host.Domain.LineSide;

/// <summary>A signal together with the configured location it applies to.</summary>
public sealed record LocatedSignal(LineSideLocation Location, LineSideSignal Signal);
