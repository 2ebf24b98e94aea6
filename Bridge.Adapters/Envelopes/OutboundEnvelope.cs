namespace Bridge.Adapters.Envelopes;

/// <summary>
/// What Bridge hands an outbound adapter: a rendered message for one system.
/// <see cref="Address"/> is adapter-neutral text the adapter interprets: a URL path (and query) relative to the
/// system's base URL for HTTP, a topic for MQTT, <c>exchange/routing-key</c> for AMQP, a node id for OPC UA.
/// <see cref="Properties"/> carries the mapping's adapter-specific settings (<c>method</c> for HTTP; <c>qos</c>,
/// <c>retain</c> for MQTT); <see cref="Endpoint"/> the system's settings for this adapter from systems.yaml
/// (<c>baseUrl</c> for HTTP). <see cref="IdempotencyKey"/> is stable across retries of the same message to the
/// same system, so a receiver can discard a repeat.
/// </summary>
public sealed record OutboundEnvelope(
    string System,
    string Address,
    string ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, string> Endpoint,
    string IdempotencyKey);
