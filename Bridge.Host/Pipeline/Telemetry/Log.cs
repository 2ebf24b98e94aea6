namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>Telemetry path events: 1080–1099 of the inbound pipeline's range.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1080, Level = LogLevel.Warning, Message = "Telemetry: the bus is unreachable ({Reason}); readings go to the local buffer")]
    public static partial void BusUnreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 1081, Level = LogLevel.Information, Message = "Telemetry: connected to the bus at {Host}:{Port}")]
    public static partial void BusConnected(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1082, Level = LogLevel.Information, Message = "Telemetry: forwarded {Count} buffered messages; {Pending} still buffered")]
    public static partial void Forwarded(ILogger logger, int count, long pending);

    [LoggerMessage(EventId = 1083, Level = LogLevel.Warning, Message = "Telemetry: the local buffer is full ({Bytes} bytes); readings are not acknowledged until the bus takes some")]
    public static partial void BufferFull(ILogger logger, long bytes);

    [LoggerMessage(EventId = 1084, Level = LogLevel.Information, Message = "Telemetry: {Pending} messages buffered from before the start are forwarded first")]
    public static partial void Recovered(ILogger logger, long pending);

    [LoggerMessage(EventId = 1085, Level = LogLevel.Error, Message = "Telemetry: the forwarding loop failed; the readings it held are refused (their senders repeat them) and it goes on")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1086, Level = LogLevel.Warning, Message = "Telemetry: the bus did not answer within {Timeout}; the batch counts as not taken and the connection is opened again")]
    public static partial void BusSilent(ILogger logger, TimeSpan timeout);
}
