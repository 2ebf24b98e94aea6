namespace Bridge.Host.Pipeline.Outbound;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "No system receives {MessageType} ({CorrelationId}); add it to a system's 'receives' in systems.yaml")]
    public static partial void NoReceiver(ILogger logger, string messageType, string correlationId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "{MessageType} {CorrelationId} delivered to {System} at {Address}")]
    public static partial void Delivered(ILogger logger, string messageType, string correlationId, string system, string address);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "{MessageType} {CorrelationId} not delivered to {System} (retry {Retry}): {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string messageType, string correlationId, string system, int retry, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "{MessageType} {CorrelationId} for {Systems}: re-attempt {Attempt} scheduled in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string messageType, string correlationId, string systems, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "{MessageType} {CorrelationId} dead-lettered for {System}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string messageType, string correlationId, string system, string reason);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "{Removed} outbound delivery rows older than {Cutoff} deleted")]
    public static partial void DeliveriesCleaned(ILogger logger, int removed, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "{MessageType} {CorrelationId} to {System}: the audit row ({Result}) was not written: {Reason}")]
    public static partial void AuditNotWritten(ILogger logger, string messageType, string correlationId, string system, string result, string reason);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "{MessageType} {CorrelationId} reached {System} but recording the delivery failed (try {Attempt}, tried again in {Delay}): {Reason}")]
    public static partial void DeliveryNotRecorded(ILogger logger, string messageType, string correlationId, string system, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "{MessageType} {CorrelationId} to {System}: another host is sending it (a redelivery while its call is under way); not sent twice, looked at again by the retry schedule")]
    public static partial void DeliveryClaimedElsewhere(ILogger logger, string messageType, string correlationId, string system);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "{MessageType} {CorrelationId} to {System}: the call failed and its claim could not be given up (it runs out by itself): {Reason}")]
    public static partial void ClaimNotReleased(ILogger logger, string messageType, string correlationId, string system, string reason);
}
