using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests.Messages;

/// <summary>Internal, scheduled: the WMS did not confirm the pick orders in time.</summary>
[MessageUrn("bridge:internal:PickTimeoutExpired:v1", false)]
[EntityName("bridge.internal.pick-timeout-expired")]
public sealed record PickTimeoutExpired(Guid CorrelationId);
