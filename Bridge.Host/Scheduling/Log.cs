using Microsoft.Extensions.Logging;

namespace Bridge.Host.Scheduling;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Scheduled token {TokenId} as Hangfire job {JobId} to {Destination} at {Due}")]
    public static partial void Scheduled(ILogger logger, Guid tokenId, string jobId, Uri destination, DateTimeOffset due);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Cancelled scheduled token {TokenId} (Hangfire job {JobId})")]
    public static partial void Cancelled(ILogger logger, Guid tokenId, string jobId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Cancel for scheduled token {TokenId}: no job yet (already fired, or the schedule is still on its way); marked cancelled")]
    public static partial void CancelUnknownToken(ILogger logger, Guid tokenId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Schedule for token {TokenId} arrived after its cancel; dropped")]
    public static partial void ScheduleAlreadyCancelled(ILogger logger, Guid tokenId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Scheduled token {TokenId} fired to {Destination}")]
    public static partial void Fired(ILogger logger, string tokenId, Uri destination);
}
