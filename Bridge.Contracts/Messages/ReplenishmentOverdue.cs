using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → MES/line: a replenishment was requested twice and is still not fulfilled; what is missing where.</summary>
[MessageUrn("bridge:ReplenishmentOverdue:v1", false)]
[EntityName("bridge.replenishment-overdue")]
public sealed record ReplenishmentOverdue : CanonicalMessage
{
    public required string ReplenishmentId { get; init; }
    public required string Location { get; init; }
    public string? Line { get; init; }
    public required string Material { get; init; }
    /// <summary>What was requested and has not arrived.</summary>
    public required decimal Missing { get; init; }
    public required string Unit { get; init; }
    public required string Warehouse { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
