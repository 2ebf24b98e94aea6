using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Host.Processes.Transfers.Messages;

/// <summary>Internal: the TMS delivered the transfer; <paramref name="Arrived"/> are the reserved lines as they now lie at the destination.</summary>
[MessageUrn("bridge:internal:TransferDelivered:v1", false)]
[EntityName("bridge.internal.transfer-delivered")]
public sealed record TransferDelivered(string RequestId, string TransferOrderId, IReadOnlyList<MaterialLine> Arrived, DateTimeOffset DeliveredAt);
