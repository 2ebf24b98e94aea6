using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests.Messages;

/// <summary>Internal: the request's production order was cancelled; release everything, cancel open picks and transfers.</summary>
[MessageUrn("bridge:internal:CancelMaterialRequest:v1", false)]
[EntityName("bridge.internal.cancel-material-request")]
public sealed record CancelMaterialRequest(Guid CorrelationId, string OrderId, string Reason);
