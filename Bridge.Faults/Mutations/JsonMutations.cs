using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bridge.Faults.Mutations;

/// <summary>
/// Breakages inside a JSON document that still parses as far as the value: a value replaced by one of another type,
/// an extreme number, hostile text; a key duplicated, a key removed, raw control characters inside a string.
/// </summary>
public static class JsonMutations
{
    // Replaced by the raw text after serializing, so the document can carry what JsonNode cannot hold (NaN, 1e400, a twice-named key).
    private const string Marker = "__bridge_fault_marker__";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<Mutation> All { get; } =
    [
        new("json-wrong-type", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, HostileValues.Pick(r, HostileValues.WrongTypes))),
        new("json-extreme-number", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, HostileValues.Pick(r, HostileValues.Numbers))),
        new("json-number-as-text", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, Text(HostileValues.Pick(r, HostileValues.Numbers)))),
        new("json-unicode", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, Text(HostileValues.Pick(r, HostileValues.Unicode)))),
        new("json-control-escaped", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, HostileValues.Pick(r, HostileValues.JsonEscapes))),
        new("json-control-raw", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, "\"a" + HostileValues.Pick(r, HostileValues.Controls) + "b\"")),
        new("json-long-text", Mutation.Only("json"), (r, s) => ReplaceValue(r, s, Text(HostileValues.Long(r)))),
        new("json-duplicate-key", Mutation.Only("json"), DuplicateKey),
        new("json-missing-key", Mutation.Only("json"), RemoveKey),
    ];

    private static byte[] ReplaceValue(Random random, MutationSeed seed, string raw)
    {
        if (Parse(seed) is not { } root) return ByteMutations.Insert(random, seed.Sample, Encoding.UTF8.GetBytes(raw));
        var values = Descendants(root).Where(n => n.Parent is not null).ToList();
        if (values.Count == 0) return Encoding.UTF8.GetBytes(raw);
        var chosen = values[random.Next(values.Count)];
        switch (chosen.Parent)
        {
            case JsonObject parent: parent[chosen.GetPropertyName()] = Marker; break;
            case JsonArray array: array[chosen.GetElementIndex()] = Marker; break;
        }
        return Render(root, raw);
    }

    private static byte[] DuplicateKey(Random random, MutationSeed seed)
    {
        if (Parse(seed) is not { } root) return seed.Sample;
        var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count == 0) return seed.Sample;
        var target = objects[random.Next(objects.Count)];
        var name = target.ElementAt(random.Next(target.Count)).Key;
        target[Marker] = JsonNode.Parse(HostileValues.Pick(random, HostileValues.WrongTypes));
        return Render(root, Text(name));
    }

    private static byte[] RemoveKey(Random random, MutationSeed seed)
    {
        if (Parse(seed) is not { } root) return seed.Sample;
        var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count == 0) return seed.Sample;
        var target = objects[random.Next(objects.Count)];
        target.Remove(target.ElementAt(random.Next(target.Count)).Key);
        return Encoding.UTF8.GetBytes(root.ToJsonString(Unescaped));
    }

    private static JsonNode? Parse(MutationSeed seed)
    {
        try
        {
            // JsonNode reads an object's properties when first asked: a twice-named key (an earlier mutation's) throws only then.
            var root = JsonNode.Parse(seed.Sample);
            return root is null || Descendants(root).Count() < 0 ? null : root;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child)) yield return descendant;
        }
    }

    /// <summary>The document with the marker (a value, or a key) replaced by <paramref name="raw"/>.</summary>
    private static byte[] Render(JsonNode root, string raw) =>
        Encoding.UTF8.GetBytes(root.ToJsonString(Unescaped).Replace($"\"{Marker}\"", raw, StringComparison.Ordinal));

    private static string Text(string value) => JsonSerializer.Serialize(value, Unescaped);
}
