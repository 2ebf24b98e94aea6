using Microsoft.Extensions.Logging;

namespace Bridge.Host.Processes.Alerts;

internal static partial class Log
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "Stock alert raised: {Detail}")]
    public static partial void StockAlertRaised(ILogger logger, string detail);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information,
        Message = "Stock alert check: {Conditions} condition(s) hold, {Raised} raised, {Cleared} cleared")]
    public static partial void StockAlertsChecked(ILogger logger, int conditions, int raised, int cleared);
}
