namespace Bridge.Host.Operations.Metrics;

/// <summary>Operations gauges: 7050–7059.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7050, Level = LogLevel.Warning, Message = "Refreshing the operations gauges failed; the last readings stay: {Error}")]
    public static partial void GaugeRefreshFailed(ILogger logger, string error);
}
