using MassTransit;

namespace Bridge.Host.Processes.Transfers.Messages;

/// <summary>Internal: the transfer will not arrive (the TMS reported it failed, or it was not delivered in time).</summary>
[MessageUrn("bridge:internal:TransferFailed:v1", false)]
[EntityName("bridge.internal.transfer-failed")]
public sealed record TransferFailed(string RequestId, string TransferOrderId, string Reason);
