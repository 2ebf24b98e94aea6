using MassTransit;

namespace Bridge.Host.Processes.Replenishment.Messages;

/// <summary>
/// Internal, from the location-state projection: material arrived at the location (a fulfilment, a delivery), with the
/// level after it. <see cref="ReplenishmentId"/> is null for a delivery that was not a replenishment.
/// </summary>
[MessageUrn("bridge:internal:ReplenishmentReceived:v1", false)]
[EntityName("bridge.internal.replenishment-received")]
public sealed record ReplenishmentReceived(string Location, string? ReplenishmentId, decimal Quantity, decimal LevelAfter, Guid SignalId, string Source);
