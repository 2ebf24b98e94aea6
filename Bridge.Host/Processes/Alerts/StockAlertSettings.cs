namespace Bridge.Host.Processes.Alerts;

/// <summary>What <c>alerts.yaml</c> configures: when the check runs, the thresholds, the safety stocks.</summary>
public sealed record StockAlertSettings(string Cron, int ExpiringWithinDays, int IdleForDays, IReadOnlyList<SafetyStock> SafetyStocks)
{
    public const string DefaultCron = "*/15 * * * *";

    /// <summary>No alerts.yaml: the check runs with the default thresholds and no safety stock.</summary>
    public static StockAlertSettings Default { get; } = new(DefaultCron, 14, 90, []);
}
