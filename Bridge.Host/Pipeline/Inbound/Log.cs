namespace Bridge.Host.Pipeline.Inbound;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Inbound call for system {System} refused: missing or wrong X-Api-Key (from {Remote})")]
    public static partial void Unauthorized(ILogger logger, string system, string? remote);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Inbound {System}/{MessageType} → {Canonical} {MessageId} (duplicate: {Duplicate})")]
    public static partial void Accepted(ILogger logger, string system, string messageType, string canonical, Guid messageId, bool duplicate);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Inbound {System}/{MessageType} dead-lettered as {DeadLetterId}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string system, string messageType, Guid deadLetterId, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Inbound {System}/{MessageType} mapped with a default: {Warning}")]
    public static partial void MappedWithWarning(ILogger logger, string system, string messageType, string warning);
}
