using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// A level as stored in <c>line_side_levels</c> (the web defaults: camelCase), serialized by generated code: the signal
/// consumer writes about a thousand rows of ten signals each per batch, and reflection-based serialization was a large
/// part of its CPU per signal.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LineSideLevel))]
public sealed partial class LineSideLevelJson : JsonSerializerContext
{
    public static string Serialize(LineSideLevel level) => JsonSerializer.Serialize(level, Default.LineSideLevel);

    public static LineSideLevel Deserialize(string json) => JsonSerializer.Deserialize(json, Default.LineSideLevel)!;
}
