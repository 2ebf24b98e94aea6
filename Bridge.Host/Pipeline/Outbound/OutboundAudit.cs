using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Telemetry;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>Sends one rendered message and keeps its audit row: delivered or failed (with the reason), attempt, duration.</summary>
internal static class OutboundAudit
{
    public static async Task SendAsync(IEnvelopeSender sender, OutboundEnvelope envelope, CanonicalMessage message, string adapter,
        IAuditTrail? audit, TimeProvider? time, int retryAttempt, CancellationToken ct)
    {
        BridgeMetrics.Correlate(message.CorrelationId);
        if (audit is null)
        {
            await sender.SendAsync(envelope, ct);
            return;
        }

        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        var attempt = retryAttempt > 0 ? $" (redelivery {retryAttempt})" : "";
        try
        {
            await sender.SendAsync(envelope, ct);
        }
        catch (Exception ex)
        {
            await audit.AppendAsync(Entry("failed", ex.Message + attempt), CancellationToken.None);
            throw;
        }

        await audit.AppendAsync(Entry("delivered", envelope.Address + attempt), ct);

        AuditEntry Entry(string result, string reason)
        {
            var duration = clock.GetElapsedTime(started).TotalMilliseconds;
            BridgeMetrics.Outbound(envelope.System, message.GetType().Name, result, duration, retryAttempt > 0);
            return new AuditEntry(clock.GetUtcNow(), "out", envelope.System, adapter, message.GetType().Name,
                message.MessageId.ToString(), message.CorrelationId, envelope.Body.Length, result, reason, duration);
        }
    }
}
