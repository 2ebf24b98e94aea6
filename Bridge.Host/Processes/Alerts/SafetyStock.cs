namespace Bridge.Host.Processes.Alerts;

/// <summary>The least stock of a material to keep available (in one warehouse, or all of them summed when none is named).</summary>
public sealed record SafetyStock(string Material, string? Warehouse, decimal Quantity, string Unit);
