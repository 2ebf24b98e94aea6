using MassTransit;

namespace Bridge.Host.Processes.Replenishment.Messages;

/// <summary>Internal, scheduled: the open replenishment was not fulfilled within the location's lead time.</summary>
[MessageUrn("bridge:internal:ReplenishmentTimeoutExpired:v1", false)]
[EntityName("bridge.internal.replenishment-timeout-expired")]
public sealed record ReplenishmentTimeoutExpired(Guid CorrelationId);
