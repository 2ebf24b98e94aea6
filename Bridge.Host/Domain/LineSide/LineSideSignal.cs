namespace Bridge.Host.Domain.LineSide;

/// <summary>One signal for a location, already in the location's unit (<see cref="Quantity"/> is a delta, a level or a number of cards).</summary>
public sealed record LineSideSignal(Guid MessageId, LineSideSignalKind Kind, decimal Quantity, DateTimeOffset At, string Source, string Detail);
