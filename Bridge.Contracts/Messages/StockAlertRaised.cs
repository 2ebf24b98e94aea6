using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>
/// bus → whoever receives it: a stock condition began (below safety stock, a lot expiring soon, stock idle too long).
/// Raised once when the condition begins; again only after it cleared and came back.
/// </summary>
[MessageUrn("bridge:StockAlertRaised:v1", false)]
[EntityName("bridge.stock-alert-raised")]
public sealed record StockAlertRaised : CanonicalMessage
{
    /// <summary>The condition's key (<c>kind/warehouse/material[/lot]</c>), the same each time it is raised.</summary>
    public required string AlertKey { get; init; }
    /// <summary><c>BelowSafetyStock</c>, <c>LotExpiring</c> or <c>StockIdle</c>.</summary>
    public required string Kind { get; init; }
    public string? Warehouse { get; init; }
    public required string Material { get; init; }
    public string? Lot { get; init; }
    /// <summary>The quantity the condition is about (stock on hand, in the lot, or lying idle).</summary>
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    /// <summary>The configured threshold crossed: the safety stock, or the number of days.</summary>
    public required decimal Threshold { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public DateTimeOffset? IdleSince { get; init; }
    public required string Detail { get; init; }
}
