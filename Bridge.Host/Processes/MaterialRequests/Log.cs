using Microsoft.Extensions.Logging;

namespace Bridge.Host.Processes.MaterialRequests;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{ReportType} dead-lettered as {DeadLetterId}: {Reason}")]
    public static partial void PickReportDeadLettered(ILogger logger, string reportType, Guid deadLetterId, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Reservation reconciliation released the reservation of material request {RequestId}: {Reason}")]
    public static partial void OrphanReservationReleased(ILogger logger, string requestId, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information,
        Message = "Reservation reconciliation checked {Checked} reservation(s), released {Released}")]
    public static partial void ReconciliationDone(ILogger logger, int @checked, int released);

    // 5050–5069: order changes and cancellation.
    [LoggerMessage(EventId = 5050, Level = LogLevel.Information,
        Message = "Production order {OrderId} changed: {Requests} material request(s) to re-plan")]
    public static partial void OrderChangeApplied(ILogger logger, string orderId, int requests);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Information, Message = "Change of production order {OrderId} not applied: {Reason}")]
    public static partial void OrderChangeNotApplied(ILogger logger, string orderId, string reason);

    [LoggerMessage(EventId = 5052, Level = LogLevel.Information,
        Message = "Production order {OrderId} cancelled: {Requests} material request(s) to cancel")]
    public static partial void OrderCancelled(ILogger logger, string orderId, int requests);
}
