namespace Bridge.Host.Domain.Genealogy;

/// <summary>A quantity an order produced (into a lot, when the MES named one).</summary>
public sealed record ProducedLot(string? Lot, decimal Quantity, string Unit, DateTimeOffset OccurredAt);
