using Bridge.Adapters.Envelopes;
using Bridge.Host.Inbound;

namespace Bridge.Host.Devices;

/// <summary>OPC UA device values enter Bridge on the same path as HTTP payloads: map, publish, or dead-letter.</summary>
public sealed class OpcUaEnvelopeSink(EnvelopeIngestor ingestor) : IEnvelopeSink
{
    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        var result = await ingestor.IngestAsync(envelope, ct);
        return result.Outcome == IngestOutcome.Accepted
            ? EnvelopeReceipt.Taken
            : new EnvelopeReceipt(false, string.Join(Environment.NewLine, result.Errors), result.DeadLetterId);
    }
}
