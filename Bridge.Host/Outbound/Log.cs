namespace Bridge.Host.Outbound;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "No system receives {MessageType} ({CorrelationId}); add it to a system's 'receives' in systems.yaml")]
    public static partial void NoReceiver(ILogger logger, string messageType, string correlationId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{MessageType} {CorrelationId} delivered to {System} at {Address}")]
    public static partial void Delivered(ILogger logger, string messageType, string correlationId, string system, string address);
}
