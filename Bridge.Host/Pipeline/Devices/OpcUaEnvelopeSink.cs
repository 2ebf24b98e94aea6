using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa.Devices;
using Bridge.Host.Pipeline.Inbound;

namespace Bridge.Host.Pipeline.Devices;

/// <summary>OPC UA device values enter Bridge on the same path as HTTP payloads: map, publish, or dead-letter.</summary>
public sealed class OpcUaEnvelopeSink(EnvelopeIngestor ingestor) : IOpcUaEnvelopeSink
{
    public async ValueTask AcceptAsync(InboundEnvelope envelope, CancellationToken ct) => await ingestor.IngestAsync(envelope, ct);
}
