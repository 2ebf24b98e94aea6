namespace Bridge.Adapters.Envelopes;

/// <summary>
/// What an adapter hands to the mapping layer: the bytes as they came, their content type,
/// protocol metadata (HTTP headers, MQTT topic, OPC UA node id / timestamps / status), and the system id.
/// Adapters know no canonical type; this is the whole of their contract with the rest of Bridge.
/// </summary>
public sealed record RawEnvelope(
    string System,
    string MessageType,
    string ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Metadata);
