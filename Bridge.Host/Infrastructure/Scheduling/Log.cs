using Microsoft.Extensions.Logging;

namespace Bridge.Host.Infrastructure.Scheduling;

internal static partial class Log
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Scheduled token {TokenId} as Hangfire job {JobId} to {Destination} at {Due}")]
    public static partial void Scheduled(ILogger logger, Guid tokenId, string jobId, Uri destination, DateTimeOffset due);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "Cancelled scheduled token {TokenId} (Hangfire job {JobId})")]
    public static partial void Cancelled(ILogger logger, Guid tokenId, string jobId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Cancel for scheduled token {TokenId}: no job yet (already fired, or the schedule is still on its way); marked cancelled")]
    public static partial void CancelUnknownToken(ILogger logger, Guid tokenId);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Debug, Message = "Schedule for token {TokenId} arrived after its cancel; dropped")]
    public static partial void ScheduleAlreadyCancelled(ILogger logger, Guid tokenId);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Debug, Message = "Scheduled token {TokenId} fired to {Destination}")]
    public static partial void Fired(ILogger logger, string tokenId, Uri destination);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug, Message = "Stored schedule {TokenId} fired to {Destination}")]
    public static partial void StoredScheduleFired(ILogger logger, Guid tokenId, string destination);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Error, Message = "Stored schedule {TokenId} could not be sent: {Failure}; parked: {Parked}")]
    public static partial void StoredScheduleFailed(ILogger logger, Guid tokenId, string failure, bool parked, Exception exception);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "Stored schedule poll failed; due rows stay and are tried at the next poll")]
    public static partial void StoredSchedulePollFailed(ILogger logger, Exception exception);
}
