namespace Bridge.Host.Processes.Alerts;

/// <summary>A stock condition that holds right now; <see cref="Key"/> names it the same on every run while it holds.</summary>
public sealed record StockCondition(
    string Key,
    string Kind,
    string? Warehouse,
    string Material,
    string? Lot,
    decimal Quantity,
    string Unit,
    decimal Threshold,
    DateOnly? ExpiresOn,
    DateTimeOffset? IdleSince,
    string Detail);
