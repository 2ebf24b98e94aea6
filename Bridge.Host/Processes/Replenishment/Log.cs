using Microsoft.Extensions.Logging;

namespace Bridge.Host.Processes.Replenishment;

internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "{SignalType} {MessageId} dead-lettered as {DeadLetterId}: {Reason}")]
    public static partial void SignalDeadLettered(ILogger logger, string signalType, Guid messageId, Guid deadLetterId, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "{SignalType} {MessageId} for {Location} ignored: {Kind}")]
    public static partial void SignalIgnored(ILogger logger, string signalType, Guid messageId, string location, string kind);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Line-side location {Location} is low ({Quantity}) after {SignalType} {MessageId} from {Source}")]
    public static partial void LevelLow(ILogger logger, string location, decimal quantity, string signalType, Guid messageId, string source);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Line-side locations loaded: {Count} from {File}")]
    public static partial void LocationsLoaded(ILogger logger, int count, string file);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Line-side notices left by an earlier batch published: {Count}")]
    public static partial void NoticesRelayed(ILogger logger, int count);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Line-side notice relay pass failed; the notices stay and are tried again")]
    public static partial void NoticeRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "Unreadable line-side signal dead-lettered as {DeadLetterId}: {Reason}")]
    public static partial void UnreadableSignalDeadLettered(ILogger logger, Guid deadLetterId, string reason);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "Line-side signals consumed from {Queue} on {Host}:{Port}")]
    public static partial void SignalConsumerStarted(ILogger logger, string queue, string host, int port);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Error, Message = "Line-side signal consumer stopped; unacknowledged signals go back to the queue and consuming starts again")]
    public static partial void SignalConsumerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Publishing {Count} line-side notices failed; the relay publishes them")]
    public static partial void NoticePublishFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Queue {Queue} of an earlier Bridge still exists with {Messages} messages: it is bound to the line-side signal exchanges and keeps collecting copies nothing consumes; drain it, then delete it")]
    public static partial void ObsoleteSignalQueue(ILogger logger, string queue, uint messages);
}
