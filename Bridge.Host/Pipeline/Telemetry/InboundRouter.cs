using Bridge.Adapters.Envelopes;
using Bridge.Host.Pipeline.Inbound;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// The host's <see cref="IEnvelopeSink"/> when some system's readings take the telemetry path: envelopes of those
/// systems go to the <see cref="TelemetryIngestor"/>, everything else to the <see cref="EnvelopeIngestor"/>.
/// </summary>
public sealed class InboundRouter(IReadOnlySet<string> telemetrySystems, Lazy<TelemetryIngestor> telemetry, EnvelopeIngestor ingestor) : IEnvelopeSink
{
    public Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct) =>
        telemetrySystems.Contains(envelope.System) ? telemetry.Value.AcceptAsync(envelope, ct) : ingestor.AcceptAsync(envelope, ct);
}
