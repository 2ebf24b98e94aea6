using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → ERP: components consumed by a production order (backflush), to post as a goods issue to the order.</summary>
[MessageUrn("bridge:ConsumptionPosted:v1", false)]
[EntityName("bridge.consumption-posted")]
public sealed record ConsumptionPosted : CanonicalMessage
{
    public required string OrderId { get; init; }
    public string? Plant { get; init; }
    /// <summary>The MES report this consumption came from (its message id), so ERP can refuse a second posting.</summary>
    public required string ReportId { get; init; }
    public required IReadOnlyList<MaterialLine> Lines { get; init; }
}
