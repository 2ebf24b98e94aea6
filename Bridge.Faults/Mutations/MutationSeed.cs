namespace Bridge.Faults.Mutations;

/// <summary>
/// One shipped inbound mapping and a payload it accepts (the first case of its test file): what the mutations start from.
/// </summary>
/// <param name="Format">json, xml, csv or scalar (the mapping's <c>format:</c>).</param>
/// <param name="Metadata">The case's metadata (an MQTT topic, an AMQP header) that the mapping needs besides the body.</param>
public sealed record MutationSeed(
    string Mapping,
    string System,
    string MessageType,
    string Format,
    string ContentType,
    byte[] Sample,
    IReadOnlyDictionary<string, string> Metadata);
