namespace Bridge.Mappings;

/// <summary>
/// A canonical message rendered in a target system's dialect, with no protocol in it: the adapter that sends it
/// interprets <see cref="Address"/> (a URL path for HTTP, a topic for MQTT, …) and <see cref="Properties"/>
/// (<c>method</c> for HTTP, <c>qos</c>/<c>retain</c> for MQTT, …).
/// </summary>
public sealed record RenderedMessage(
    string Address,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Properties,
    string ContentType,
    byte[] Body);
