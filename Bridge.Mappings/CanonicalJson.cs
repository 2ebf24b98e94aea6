using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bridge.Contracts;

namespace Bridge.Mappings;

/// <summary>The canonical JSON shape of messages: camelCase names, enums as their names, decimals as numbers.</summary>
public static class CanonicalJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static JsonObject ToJsonObject(CanonicalMessage message) =>
        JsonSerializer.SerializeToNode(message, message.GetType(), Options)!.AsObject();

    public static JsonElement ToElement(CanonicalMessage message) =>
        JsonSerializer.SerializeToElement(message, message.GetType(), Options);

    public static CanonicalMessage FromJson(JsonNode json, Type type) =>
        (CanonicalMessage)(json.Deserialize(type, Options) ?? throw new JsonException($"null is not a {type.Name}"));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
