using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → TMS: move stock between sites.</summary>
[MessageUrn("bridge:TransferOrderIssued:v1", false)]
[EntityName("bridge.transfer-order-issued")]
public sealed record TransferOrderIssued : CanonicalMessage
{
    public required string TransferOrderId { get; init; }
    public required string RequestId { get; init; }
    public required string FromWarehouse { get; init; }
    public required string ToWarehouse { get; init; }
    public required IReadOnlyList<MaterialLine> Lines { get; init; }
}
