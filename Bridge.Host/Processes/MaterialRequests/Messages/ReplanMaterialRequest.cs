using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests.Messages;

/// <summary>Internal: the request's production order changed (the order book holds the change); re-plan the request.</summary>
[MessageUrn("bridge:internal:ReplanMaterialRequest:v1", false)]
[EntityName("bridge.internal.replan-material-request")]
public sealed record ReplanMaterialRequest(Guid CorrelationId, string OrderId);
