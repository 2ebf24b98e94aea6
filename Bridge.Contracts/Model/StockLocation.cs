namespace Bridge.Contracts.Model;

/// <summary>Available stock of a material at one warehouse location.</summary>
public sealed record StockLocation(string Warehouse, string? Location, string? Lot, decimal Quantity);
