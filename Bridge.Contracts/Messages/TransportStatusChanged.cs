using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>TMS → bus: status of a transfer order.</summary>
[MessageUrn("bridge:TransportStatusChanged:v1", false)]
[EntityName("bridge.transport-status-changed")]
public sealed record TransportStatusChanged : CanonicalMessage
{
    public required string TransferOrderId { get; init; }
    public required string Status { get; init; }
}
