using System.Globalization;
using System.Text.Json.Nodes;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa;

/// <summary>
/// Builds the envelope for an event: body = a JSON object with one field per select clause, nested by browse path
/// (<c>{"Message": "…", "Severity": 800, "ActiveState": {"Id": true}}</c>); content type <see cref="ContentType"/>;
/// metadata = device, key, notifier nodeId, and, when selected, eventId (hex), eventType, sourceName, severity and time,
/// plus the entry's configured metadata.
/// </summary>
public static class OpcUaEventEnvelopes
{
    public const string ContentType = "application/json";

    public static InboundEnvelope Create(string device, string system, OpcUaEventOptions entry, NodeId notifier, IReadOnlyList<Variant> fields)
    {
        var body = new JsonObject();
        var metadata = new Dictionary<string, string>(entry.Metadata, StringComparer.Ordinal)
        {
            ["device"] = device,
            ["key"] = entry.Key,
            ["nodeId"] = notifier.ToString(),
        };
        var paths = entry.Fields;
        for (var i = 0; i < paths.Count; i++)
        {
            var value = i < fields.Count ? fields[i] : Variant.Null;
            var names = paths[i].Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => QualifiedName.Parse(n).Name ?? "").ToArray();
            var parent = body;
            foreach (var name in names[..^1])
            {
                if (parent[name] is not JsonObject child)
                {
                    child = new JsonObject();
                    parent[name] = child;
                }
                parent = child;
            }
            parent[names[^1]] = Json(value);
            if (names.Length == 1 && MetadataName(names[0]) is { } metaName && !value.IsNull && value.Value is not null)
            {
                metadata[metaName] = Text(value.Value);
            }
        }
        return new InboundEnvelope("opcua", system, entry.MessageType, ContentType, global::System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), metadata);
    }

    private static string? MetadataName(string field) => field switch
    {
        "EventId" => "eventId",
        "EventType" => "eventType",
        "SourceName" => "sourceName",
        "Severity" => "severity",
        "Time" => "time",
        _ => null,
    };

    private static JsonNode? Json(Variant variant)
    {
        if (variant.Value is null)
        {
            return null;
        }
        if (variant.IsArray)
        {
            var array = new JsonArray();
            foreach (var element in (global::System.Array)variant.Value)
            {
                array.Add(element is null ? null : Scalar(element));
            }
            return array;
        }
        return Scalar(variant.Value);
    }

    private static JsonNode? Scalar(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        sbyte or byte or short or ushort or int or uint or long or ulong => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        float f when float.IsFinite(f) => JsonValue.Create(f),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        LocalizedText text => JsonValue.Create(text.Text),
        _ => JsonValue.Create(Text(value)),
    };

    private static string Text(object value) => value switch
    {
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        LocalizedText text => text.Text ?? "",
        StatusCode status => status.Name,
        _ => VariantText.FormatScalar(value),
    };
}
