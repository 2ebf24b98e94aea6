using System.Text.Json.Nodes;
using Bridge.Contracts;

namespace Bridge.Mappings;

/// <summary>A canonical message and its canonical JSON (built on first use).</summary>
public sealed record MappedMessage(CanonicalMessage Message)
{
    private JsonObject? _json;

    public MappedMessage(CanonicalMessage message, JsonObject json) : this(message) => _json = json;

    /// <summary>The message in canonical JSON (camelCase, enums as names); a fresh copy per message.</summary>
    public JsonObject Json => _json ??= CanonicalJson.ToJsonObject(Message);

    public void Deconstruct(out CanonicalMessage message, out JsonObject json)
    {
        message = Message;
        json = Json;
    }
}
