using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bridge.Contracts;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Templates;

namespace Bridge.Mappings.Documentation;

/// <summary>
/// The canonical messages' members as integrators write them under <c>fields:</c>, generated from Bridge.Contracts by
/// reflection — names, types, required or not, units, an example — as docs/canonical-messages.md and one JSON Schema
/// per message (config/schema/canonical/Name.json). The same shapes check every mapping's <c>fields:</c> at load,
/// so the documents and the checks cannot disagree; a test fails when the committed files drift from the contracts.
/// </summary>
public static class CanonicalCatalog
{
    private const string SchemaId = "https://bridge.example/schema/canonical/";

    public static IReadOnlyList<Type> Messages { get; } = CanonicalMessageTypes.Names.Select(n => CanonicalMessageTypes.Find(n)!).ToList();

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Canonical messages");
        md.AppendLine();
        md.AppendLine("Generated from `Bridge.Contracts` by `Bridge.Mappings.Documentation.CanonicalCatalog` — do not edit by hand; a test");
        md.AppendLine("(`CanonicalCatalogTests`) fails when this file drifts from the contracts and says how to regenerate it.");
        md.AppendLine("JSON Schemas of the same members: `config/schema/canonical/<Message>.json`.");
        md.AppendLine();
        md.AppendLine("Every message also carries the envelope: `messageId` and `source` (set by Bridge), `schemaVersion` (1),");
        md.AppendLine("`correlationId` (defaults to the document id) and `occurredAt` (defaults to the time of mapping). A mapping's");
        md.AppendLine("`fields:` names the members below (camelCase); a member marked required must be mapped, and every value is");
        md.AppendLine("converted strictly to the member's type. Quantities are in the message's (or line's) `unit` — a unit code of");
        md.AppendLine("`config/units.yaml` such as `pcs`, `kg`, `m` — unless the table says otherwise. Date/times are UTC (ISO 8601).");
        md.AppendLine();
        foreach (var type in Messages)
        {
            md.AppendLine($"## {type.Name}");
            md.AppendLine();
            Table(md, type, topLevel: true);
        }
        var nested = Messages.SelectMany(t => NestedTypes(t)).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (nested.Count > 0)
        {
            md.AppendLine("## Nested records");
            md.AppendLine();
            foreach (var type in nested)
            {
                md.AppendLine($"### {type.Name}");
                md.AppendLine();
                Table(md, type, topLevel: false);
            }
        }
        return md.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>File name → JSON Schema text, one per canonical message.</summary>
    public static IReadOnlyDictionary<string, string> JsonSchemas()
    {
        var schemas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in Messages)
        {
            var defs = new JsonObject();
            var schema = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = SchemaId + type.Name + ".json",
                ["title"] = type.Name,
                ["description"] = $"The fields: of an inbound mapping that produces {type.Name} (generated from Bridge.Contracts).",
            };
            foreach (var (key, value) in ObjectSchema(type, topLevel: true, defs)) schema[key] = value?.DeepClone();
            if (defs.Count > 0) schema["$defs"] = defs;
            schemas[type.Name + ".json"] = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
        }
        return schemas;
    }

    private static void Table(StringBuilder md, Type type, bool topLevel)
    {
        var shape = RecordShape.For(type);
        md.AppendLine("| field | type | required | unit | example |");
        md.AppendLine("|---|---|---|---|---|");
        var hasUnit = shape.Members.Any(m => m.Name == "unit");
        foreach (var member in shape.Members)
        {
            if (topLevel && InboundCompiler.Envelope.Contains(member.Name)) continue;
            var required = member.Required ? "yes" : "";
            md.AppendLine($"| `{member.Name}` | {TypeName(member.Type)} | {required} | {Unit(member, hasUnit)} | {Example(member)} |");
        }
        md.AppendLine();
    }

    private static JsonObject ObjectSchema(Type type, bool topLevel, JsonObject defs)
    {
        var shape = RecordShape.For(type);
        var properties = new JsonObject();
        var required = new JsonArray();
        var hasUnit = shape.Members.Any(m => m.Name == "unit");
        foreach (var member in shape.Members)
        {
            if (topLevel && InboundCompiler.BridgeOwned.Contains(member.Name)) continue;
            var property = TypeSchema(member.Type, defs);
            var unit = Unit(member, hasUnit);
            var description = new List<string>();
            if (unit.Length > 0) description.Add("unit: " + unit.Replace("`", ""));
            description.Add("example: " + Example(member).Replace("`", ""));
            property["description"] = string.Join("; ", description);
            properties[member.Name] = property;
            if (member.Required && !(topLevel && InboundCompiler.Envelope.Contains(member.Name))) required.Add(member.Name);
        }
        return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties, ["required"] = required };
    }

    private static JsonObject TypeSchema(Type type, JsonObject defs)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (FieldTypes.ElementTypeOfList(t) is { } element) return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(element, defs) };
        if (t.IsEnum) return new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(t).Select(n => (JsonNode)n).ToArray()) };
        if (t == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (t == typeof(decimal)) return new JsonObject { ["type"] = "number" };
        if (t == typeof(int) || t == typeof(long)) return new JsonObject { ["type"] = "integer" };
        if (t == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (t == typeof(DateTimeOffset)) return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        if (t == typeof(DateOnly)) return new JsonObject { ["type"] = "string", ["format"] = "date" };
        if (t == typeof(Guid)) return new JsonObject { ["type"] = "string", ["format"] = "uuid" };
        if (!defs.ContainsKey(t.Name))
        {
            defs[t.Name] = new JsonObject();
            defs[t.Name] = ObjectSchema(t, topLevel: false, defs);
        }
        return new JsonObject { ["$ref"] = "#/$defs/" + t.Name };
    }

    private static IEnumerable<Type> NestedTypes(Type type)
    {
        foreach (var member in RecordShape.For(type).Members)
        {
            var t = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
            t = FieldTypes.ElementTypeOfList(t) ?? t;
            if (FieldTypes.IsScalar(t) || t == type) continue;
            yield return t;
            foreach (var inner in NestedTypes(t)) yield return inner;
        }
    }

    private static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (FieldTypes.ElementTypeOfList(t) is { } element) return $"list of {TypeName(element)} (`each:`)";
        if (t.IsEnum) return string.Join(" \\| ", Enum.GetNames(t));
        return t == typeof(string) ? "text" :
            t == typeof(decimal) ? "decimal" :
            t == typeof(int) || t == typeof(long) ? "whole number" :
            t == typeof(bool) ? "boolean" :
            t == typeof(DateTimeOffset) ? "date/time (UTC)" :
            t == typeof(DateOnly) ? "date" :
            t == typeof(Guid) ? "uuid" : $"[{t.Name}](#{t.Name.ToLowerInvariant()})";
    }

    private static string Unit(RecordMember member, bool hasUnit)
    {
        var t = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        if (member.Name.EndsWith("Percent", StringComparison.Ordinal)) return "%";
        if (t == typeof(DateTimeOffset)) return "UTC";
        if (t == typeof(decimal) && hasUnit) return "`unit`";
        return "";
    }

    private static string Example(RecordMember member)
    {
        var t = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        if (FieldTypes.ElementTypeOfList(t) is not null) return "";
        if (t.IsEnum) return $"`{Enum.GetNames(t)[0]}`";
        if (t == typeof(decimal)) return member.Name.EndsWith("Percent", StringComparison.Ordinal) ? "`2.5`" : "`12.5`";
        if (t == typeof(int) || t == typeof(long)) return "`3`";
        if (t == typeof(bool)) return "`false`";
        if (t == typeof(DateTimeOffset)) return "`2026-11-25T12:30:00Z`";
        if (t == typeof(DateOnly)) return "`2027-03-31`";
        if (t == typeof(Guid)) return "`0b6f…`";
        if (t != typeof(string)) return "";
        var name = member.Name;
        return name switch
        {
            "unit" => "`pcs`",
            "plant" => "`BER`",
            "warehouse" => "`WH-A`",
            "material" => "`A-100`",
            "line" => "`L1`",
            _ when name.EndsWith("Id", StringComparison.Ordinal) => $"`{name[..^2].ToUpperInvariant()}-1`",
            _ => string.Create(CultureInfo.InvariantCulture, $"`{name}-1`"),
        };
    }
}
