using Microsoft.Extensions.Logging;

namespace Bridge.Host.Processes.Production;

internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information,
        Message = "Production report for order {OrderId}: {Inputs} lot(s) consumed into lot {ProducedLot}; genealogy newly recorded: {Recorded}")]
    public static partial void PerformanceReported(ILogger logger, string orderId, int inputs, string producedLot, bool recorded);
}
