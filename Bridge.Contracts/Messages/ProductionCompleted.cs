using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → ERP: a quantity of the order's product was made (into a lot), to post as a goods receipt from the order.</summary>
[MessageUrn("bridge:ProductionCompleted:v1", false)]
[EntityName("bridge.production-completed")]
public sealed record ProductionCompleted : CanonicalMessage
{
    public required string OrderId { get; init; }
    public string? Plant { get; init; }
    /// <summary>The MES report this completion came from (its message id), so ERP can refuse a second posting.</summary>
    public required string ReportId { get; init; }
    public required string Material { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public string? Lot { get; init; }
}
