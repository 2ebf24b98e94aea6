using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → MES: what arrived at the line, with lots.</summary>
[MessageUrn("bridge:MaterialDelivered:v1", false)]
[EntityName("bridge.material-delivered")]
public sealed record MaterialDelivered : CanonicalMessage
{
    public required string RequestId { get; init; }
    public required string OrderId { get; init; }
    public required string Location { get; init; }
    public required IReadOnlyList<MaterialLine> Lines { get; init; }
}
