using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Infrastructure.Telemetry;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// The audit row and metrics of one send: delivered or failed (with the reason), attempt, duration. Written after the
/// outcome is settled — a delivery is recorded as delivered before its audit row, so a slow or failing audit write
/// never makes a system that took the message get it again.
/// </summary>
internal sealed class OutboundAudit(OutboundEnvelope envelope, CanonicalMessage message, string adapter, IAuditTrail? audit, TimeProvider? time,
    int retryAttempt, ILogger logger)
{
    private readonly TimeProvider _clock = time ?? TimeProvider.System;
    private readonly long _started = (time ?? TimeProvider.System).GetTimestamp();

    public static OutboundAudit Start(OutboundEnvelope envelope, CanonicalMessage message, string adapter, IAuditTrail? audit, TimeProvider? time,
        int retryAttempt, ILogger logger)
    {
        BridgeMetrics.Correlate(message.CorrelationId);
        return new OutboundAudit(envelope, message, adapter, audit, time, retryAttempt, logger);
    }

    public Task DeliveredAsync(CancellationToken ct) => AppendAsync("delivered", envelope.Address + Attempt, ct);

    public Task FailedAsync(Exception error) => AppendAsync("failed", error.Message + Attempt, CancellationToken.None);

    private string Attempt => retryAttempt > 0 ? $" (redelivery {retryAttempt})" : "";

    private async Task AppendAsync(string result, string reason, CancellationToken ct)
    {
        var duration = _clock.GetElapsedTime(_started).TotalMilliseconds;
        BridgeMetrics.Outbound(envelope.System, message.GetType().Name, result, duration, retryAttempt > 0);
        if (audit is null)
        {
            return;
        }

        try
        {
            await audit.AppendAsync(new AuditEntry(_clock.GetUtcNow(), "out", envelope.System, adapter, message.GetType().Name,
                message.MessageId.ToString(), message.CorrelationId, envelope.Body.Length, result, reason, duration), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The outcome is settled (and a delivery recorded): a lost audit row must not turn it into a failure.
            Log.AuditNotWritten(logger, message.GetType().Name, LogText.Escape(message.CorrelationId), envelope.System, result, LogText.Escape(e.Message));
        }
    }
}
