using Microsoft.Extensions.Logging;

namespace Bridge.Host.Domain.Stock;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Stock report for {Material} in {Warehouse} as of {AsOf} is older than what the stock view holds; not applied")]
    public static partial void StaleStockReport(ILogger logger, string material, string warehouse, DateTimeOffset asOf);
}
