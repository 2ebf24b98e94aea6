using MassTransit;

namespace Bridge.Host.Processes.Replenishment.Messages;

/// <summary>
/// Internal, from the location-state projection: the level reached the reorder point (or, kanban, cards came back).
/// Raised once per fall, not per signal; <see cref="SignalId"/> is the signal that crossed, <see cref="SignalAt"/> its time.
/// </summary>
[MessageUrn("bridge:internal:LineSideLevelLow:v1", false)]
[EntityName("bridge.internal.line-side-level-low")]
public sealed record LineSideLevelLow(string Location, decimal Quantity, int Cards, Guid SignalId, DateTimeOffset SignalAt, string Source);
