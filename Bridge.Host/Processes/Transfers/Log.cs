namespace Bridge.Host.Processes.Transfers;

/// <summary>Log events of the transfer process (5070–5089, inside the material request process's range).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5070, Level = LogLevel.Warning, Message = "TransportStatusChanged dead-lettered as {DeadLetterId}: {Reason}")]
    public static partial void TransportStatusDeadLettered(ILogger logger, Guid deadLetterId, string reason);

    [LoggerMessage(EventId = 5071, Level = LogLevel.Information,
        Message = "Transfer {TransferOrderId} cancelled ({Reason}); the TMS is told")]
    public static partial void TransferCancelled(ILogger logger, string transferOrderId, string reason);

    [LoggerMessage(EventId = 5072, Level = LogLevel.Information,
        Message = "Cancellation of transfer {TransferOrderId} not sent to the TMS: the transfer already ended {State}. {Detail}")]
    public static partial void CancellationAfterEnd(ILogger logger, string transferOrderId, string state, string detail);

    [LoggerMessage(EventId = 5073, Level = LogLevel.Information,
        Message = "Status '{Status}' of transfer {TransferOrderId} ignored: the transfer already ended {State}")]
    public static partial void LateStatusIgnored(ILogger logger, string transferOrderId, string status, string state);
}
