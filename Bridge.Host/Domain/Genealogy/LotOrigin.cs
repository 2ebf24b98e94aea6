namespace Bridge.Host.Domain.Genealogy;

/// <summary>An order that produced (some of) a lot.</summary>
public sealed record LotOrigin(string OrderId, string? Plant, string Product, decimal Quantity, string Unit, DateTimeOffset OccurredAt);
