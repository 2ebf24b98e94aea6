using System.Globalization;
using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa;

/// <summary>
/// Builds the envelope for a value: body = the value as invariant text, content type
/// <see cref="ContentType"/>, metadata = node id, key, timestamps, status (code and name), data type, plus the
/// node's configured metadata (location, material, …).
/// </summary>
public static class OpcUaEnvelopes
{
    public const string ContentType = "application/vnd.bridge.opcua-value";

    public static InboundEnvelope Create(string system, OpcUaNodeOptions node, NodeId nodeId, DataValue value, string body, IReadOnlyDictionary<string, string>? extra = null)
    {
        var metadata = new Dictionary<string, string>(node.Metadata, StringComparer.Ordinal)
        {
            ["key"] = node.Key,
            ["nodeId"] = nodeId.ToString(),
            ["sourceTimestamp"] = Format(value.SourceTimestamp),
            ["serverTimestamp"] = Format(value.ServerTimestamp),
            // statusCode carries the symbolic name, as mappings test it (startsWith(meta('statusCode'), 'Good'));
            // statusName is the same name, statusCodeHex the 32-bit code with its info bits.
            ["statusCode"] = value.StatusCode.Name,
            ["statusName"] = value.StatusCode.Name,
            ["statusCodeHex"] = "0x" + value.StatusCode.Code.ToString("X8", CultureInfo.InvariantCulture),
            ["dataType"] = value.Value.IsNull ? "Null" : VariantParser.Describe(value.Value),
        };
        foreach (var (name, text) in extra ?? new Dictionary<string, string>())
        {
            metadata[name] = text;
        }
        return new InboundEnvelope("opcua", system, node.MessageType, ContentType, Encoding.UTF8.GetBytes(body), metadata);
    }

    private static string Format(DateTime? time) =>
        time is { } t && t != DateTime.MinValue ? t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : "";
}
