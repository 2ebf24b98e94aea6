using Bridge.Adapters.Envelopes;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Telemetry;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>The audit rows of one inbound envelope: one per canonical message made from it, or one for its failure.</summary>
internal static class InboundAudit
{
    public static async Task InboundAsync(this IAuditTrail audit, InboundEnvelope envelope, IngestResult result, DateTimeOffset at, TimeSpan duration, CancellationToken ct)
    {
        var size = envelope.Body.Length;
        if (result.Outcome != IngestOutcome.Accepted)
        {
            var outcome = result.DeadLetterId is null ? "refused" : "dead-lettered";
            BridgeMetrics.Inbound(envelope.System, envelope.MessageType, outcome);
            await audit.AppendAsync(new AuditEntry(at, "in", envelope.System, envelope.Adapter, envelope.MessageType, result.DeadLetterId?.ToString(),
                null, size, outcome, string.Join("; ", result.Errors), duration.TotalMilliseconds), ct);
            return;
        }

        // One document's rows in one append: a stock export of 20,000 rows is one transaction, not 20,000.
        var warningsOf = result.Warnings.ToLookup(w => w.MessageIndex);
        var entries = new List<AuditEntry>(result.Messages.Count);
        // A document's messages are mostly of one type and without warnings: their texts are made once, not per row.
        (string Type, string Text) messageType = ("", "");
        for (var index = 0; index < result.Messages.Count; index++)
        {
            var message = result.Messages[index];
            var reason = warningsOf.Contains(index)
                ? string.Join("; ", warningsOf[index].Select(w => w.Item is null ? $"warning: {w.Message}" : $"warning at {w.Item}: {w.Message}").Prepend(result.Mapping))
                : result.Mapping ?? "";
            if (!string.Equals(messageType.Type, message.Type, StringComparison.Ordinal)) messageType = (message.Type, $"{envelope.MessageType} → {message.Type}");
            BridgeMetrics.Inbound(envelope.System, message.Type, message.Duplicate ? "duplicate" : "accepted");
            BridgeMetrics.Correlate(message.CorrelationId);
            entries.Add(new AuditEntry(at, "in", envelope.System, envelope.Adapter, messageType.Text,
                message.MessageId.ToString(), message.CorrelationId, size, message.Duplicate ? "duplicate" : "accepted", reason,
                duration.TotalMilliseconds));
        }

        await audit.AppendAllAsync(entries, ct);
    }
}
