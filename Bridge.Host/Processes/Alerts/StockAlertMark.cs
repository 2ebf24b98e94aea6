namespace Bridge.Host.Processes.Alerts;

/// <summary>What the alert store remembers of a condition: how often it was raised, and whether it holds now.</summary>
public sealed record StockAlertMark(string Key, int Occurrences, bool Active);
