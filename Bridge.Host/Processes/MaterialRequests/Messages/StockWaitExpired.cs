using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests.Messages;

/// <summary>Internal, scheduled: the request waited for stock as long as it was allowed to.</summary>
[MessageUrn("bridge:internal:StockWaitExpired:v1", false)]
[EntityName("bridge.internal.stock-wait-expired")]
public sealed record StockWaitExpired(Guid CorrelationId);
