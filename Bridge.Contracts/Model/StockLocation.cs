namespace Bridge.Contracts.Model;

/// <summary>Available stock of a material at one warehouse location (and lot, with its expiry when known), in the unit the warehouse keeps it in.</summary>
public sealed record StockLocation(string Warehouse, string? Location, string? Lot, decimal Quantity, DateOnly? ExpiresOn = null, string? Unit = null);
