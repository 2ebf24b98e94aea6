namespace Bridge.Adapters.Envelopes;

/// <summary>
/// What an inbound adapter hands to Bridge: the bytes as they came, their content type, protocol metadata
/// (HTTP headers, MQTT topic segments and user properties, OPC UA node id / timestamps / status), the system they
/// came from and the adapter (name of the adapter kind, e.g. <c>http</c>, <c>opcua</c>) that received them.
/// Adapters know no canonical type; this and <see cref="OutboundEnvelope"/> are the whole of their contract.
/// </summary>
public sealed record InboundEnvelope(
    string Adapter,
    string System,
    string MessageType,
    string ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Metadata);
