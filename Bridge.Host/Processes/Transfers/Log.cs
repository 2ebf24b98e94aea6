namespace Bridge.Host.Processes.Transfers;

/// <summary>Log events of the transfer process (5050–5069, inside the material request process's range).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5070, Level = LogLevel.Warning, Message = "TransportStatusChanged dead-lettered as {DeadLetterId}: {Reason}")]
    public static partial void TransportStatusDeadLettered(ILogger logger, Guid deadLetterId, string reason);
}
