using Bridge.Adapters.Envelopes;

namespace Bridge.Adapters.OpcUa.Devices;

/// <summary>
/// Where a device's envelopes go. The host implements it: find the inbound mapping for
/// (envelope.System, envelope.MessageType), map, publish — or dead-letter with the reason.
/// </summary>
public interface IOpcUaEnvelopeSink
{
    ValueTask AcceptAsync(InboundEnvelope envelope, CancellationToken ct);
}
