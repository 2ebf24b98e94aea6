namespace Bridge.Host.Domain.Stock;

/// <summary>A place stock lies: one material/lot at one warehouse location. Its statuses replace each other.</summary>
public readonly record struct StockBin(string Warehouse, string Material, string Lot, string Location);
