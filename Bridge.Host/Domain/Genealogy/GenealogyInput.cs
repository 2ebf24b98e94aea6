namespace Bridge.Host.Domain.Genealogy;

/// <summary>One lot that went into a production report: from which warehouse, with the supplier's lot where known.</summary>
public sealed record GenealogyInput(string Material, string? Lot, string? Warehouse, string? SupplierLot, decimal Quantity, string Unit);
