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
        if (result is null || result.Errors.Count > 0 || result.Messages.Any(m => MappedValueRules.Check(m.Message).Count > 0))
            return await ingestor.AcceptAsync(envelope, ct).ConfigureAwait(false);

        var records = result.Messages.Select(m => encoder.Encode(m.Message)).ToList();
        await pipeline.TakeAsync(records, ct).ConfigureAwait(false);
        return EnvelopeReceipt.Taken;
    }
}
