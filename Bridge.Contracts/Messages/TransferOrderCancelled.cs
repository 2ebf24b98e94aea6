using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → TMS: do not move (any more) what this transfer order asked for; the request it served no longer needs it.</summary>
[MessageUrn("bridge:TransferOrderCancelled:v1", false)]
[EntityName("bridge.transfer-order-cancelled")]
public sealed record TransferOrderCancelled : CanonicalMessage
{
    public required string TransferOrderId { get; init; }
    public required string RequestId { get; init; }
    public required string FromWarehouse { get; init; }
    public required string ToWarehouse { get; init; }
    public required string Reason { get; init; }
}
