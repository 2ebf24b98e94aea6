using MassTransit;

namespace Bridge.Host.Processes.Transfers.Messages;

/// <summary>Internal, scheduled: the TMS did not deliver the transfer in time.</summary>
[MessageUrn("bridge:internal:TransferTimeoutExpired:v1", false)]
[EntityName("bridge.internal.transfer-timeout-expired")]
public sealed record TransferTimeoutExpired(Guid CorrelationId);
