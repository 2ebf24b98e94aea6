namespace Bridge.Host.Domain.Sourcing;

/// <summary>What is taken from one lot: in the requirement's unit and in the unit the warehouse keeps it in; when it can be at the plant.</summary>
public sealed record SourcedQuantity(string Warehouse, string? Lot, string? Location, decimal Quantity, decimal StockQuantity, string StockUnit, DateTimeOffset ArrivesAt, bool Transfer);
