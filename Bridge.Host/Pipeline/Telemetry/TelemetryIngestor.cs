using Bridge.Adapters.Envelopes;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Mappings;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// The telemetry path's <see cref="IEnvelopeSink"/>: map, then hand the canonical messages to the
/// <see cref="TelemetryPipeline"/> (bus with confirms, or the local buffer) — no database round trip per reading.
/// A reading that does not map goes the ordinary way (<see cref="EnvelopeIngestor"/>), which keeps it as a dead letter.
/// </summary>
public sealed class TelemetryIngestor(MappingSetWatcher mappings, TelemetryPipeline pipeline, TelemetryEnvelopeEncoder encoder, EnvelopeIngestor ingestor) : IEnvelopeSink
{
    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        var mapping = mappings.Current.FindInbound(envelope.System, envelope.MessageType);
        var result = mapping?.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
        if (result is null || result.Errors.Count > 0 || BreaksARule(result.Messages))
            return await ingestor.AcceptAsync(envelope, ct).ConfigureAwait(false);

        await pipeline.TakeAsync(Encode(encoder, result.Messages), ct).ConfigureAwait(false);
        return EnvelopeReceipt.Taken;
    }

    /// <summary>Whether a mapped value breaks a rule (such a reading goes the ordinary way, to be kept as a dead letter).</summary>
    public static bool BreaksARule(IReadOnlyList<MappedMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (MappedValueRules.Check(messages[i].Message).Count > 0)
                return true;
        }

        return false;
    }

    /// <summary>The mapped messages as records for the bus, in order.</summary>
    public static TelemetryRecord[] Encode(TelemetryEnvelopeEncoder encoder, IReadOnlyList<MappedMessage> messages)
    {
        var records = new TelemetryRecord[messages.Count];
        for (var i = 0; i < records.Length; i++)
            records[i] = encoder.Encode(messages[i].Message);
        return records;
    }
}
