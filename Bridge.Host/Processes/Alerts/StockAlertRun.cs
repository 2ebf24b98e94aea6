namespace Bridge.Host.Processes.Alerts;

/// <summary>What one run of the stock alert check did: conditions found, alerts raised, conditions that cleared.</summary>
public sealed record StockAlertRun(int Conditions, IReadOnlyList<string> Raised, IReadOnlyList<string> Cleared);
