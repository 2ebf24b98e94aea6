using System.Text.Json;
using System.Xml.Linq;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Paths;

/// <summary>
/// Applies one step to one node of any source format. A JSON array always stands for its elements
/// (as repeated XML elements do), so <c>lines</c> is every line and <c>lines[0]</c> the first.
/// </summary>
internal static class Navigator
{
    public static void AddUnwrapped(object? value, List<object?> into)
    {
        switch (value)
        {
            case null:
                return;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray()) AddUnwrapped(Values.FromJson(item), into);
                return;
            case List<object?> list:
                foreach (var item in list) AddUnwrapped(item, into);
                return;
            default:
                into.Add(value);
                return;
        }
    }

    public static void Step(object? node, CompiledStep step, List<object?> into)
    {
        switch (node)
        {
            case JsonElement json:
                JsonStep(json, step, into);
                break;
            case XElement element:
                XmlStep(element, step, into);
                break;
            case XDocument document:
                DocumentStep(document, step, into);
                break;
            case IReadOnlyDictionary<string, string> map:
                MapStep(map, step, into);
                break;
            case List<object?> list:
                foreach (var item in list) Step(item, step, into);
                break;
            default:
                if (step.Kind == StepKind.Self && node is not null) into.Add(node);
                break;
        }
    }

    /// <summary>Metadata, a GS1 scan or a CSV record: one level of named texts, walked as a JSON object of strings would be.</summary>
    private static void MapStep(IReadOnlyDictionary<string, string> map, CompiledStep step, List<object?> into)
    {
        switch (step.Kind)
        {
            case StepKind.Self:
                into.Add(map);
                return;
            case StepKind.Child or StepKind.Attribute:
                if (map.TryGetValue(step.Kind == StepKind.Attribute ? "@" + step.Name : step.Name!, out var text)) into.Add(text);
                return;
            case StepKind.Wildcard:
                into.AddRange(map.Values);
                return;
            case StepKind.Descendant:
                if (step.Name == "*") into.AddRange(map.Values);
                else if (map.TryGetValue(step.Name!, out var found)) into.Add(found);
                return;
        }
    }

    private static void JsonStep(JsonElement json, CompiledStep step, List<object?> into)
    {
        switch (step.Kind)
        {
            case StepKind.Self:
                AddUnwrapped(Values.FromJson(json), into);
                return;
            case StepKind.Child or StepKind.Attribute:
                var name = step.Kind == StepKind.Attribute ? "@" + step.Name : step.Name!;
                if (json.ValueKind == JsonValueKind.Object)
                {
                    if (json.TryGetProperty(name, out var value)) AddUnwrapped(Values.FromJson(value), into);
                }
                else if (json.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in json.EnumerateArray()) JsonStep(item, step, into);
                }
                return;
            case StepKind.Wildcard:
                if (json.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in json.EnumerateObject()) AddUnwrapped(Values.FromJson(property.Value), into);
                }
                else if (json.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in json.EnumerateArray()) AddUnwrapped(Values.FromJson(item), into);
                }
                return;
            case StepKind.Descendant:
                JsonDescendants(json, step.Name!, into);
                return;
        }
    }

    private static void JsonDescendants(JsonElement json, string name, List<object?> into)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (name == "*" || property.NameEquals(name)) AddUnwrapped(Values.FromJson(property.Value), into);
                JsonDescendants(property.Value, name, into);
            }
        }
        else if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray()) JsonDescendants(item, name, into);
        }
    }

    private static void XmlStep(XElement element, CompiledStep step, List<object?> into)
    {
        switch (step.Kind)
        {
            case StepKind.Self:
                into.Add(element);
                return;
            case StepKind.Child:
                foreach (var child in element.Elements())
                {
                    if (step.MatchesXml(child.Name)) into.Add(child);
                }
                return;
            case StepKind.Attribute:
                foreach (var attribute in element.Attributes())
                {
                    if (attribute.IsNamespaceDeclaration) continue;
                    if (step.XmlName is not null ? attribute.Name == step.XmlName : attribute.Name.LocalName == step.Name) into.Add(attribute.Value);
                }
                return;
            case StepKind.Wildcard:
                into.AddRange(element.Elements());
                return;
            case StepKind.Descendant:
                foreach (var descendant in element.Descendants())
                {
                    if (step.MatchesXml(descendant.Name)) into.Add(descendant);
                }
                return;
            case StepKind.Parent:
                if (element.Parent is not null) into.Add(element.Parent);
                else if (element.Document is not null) into.Add(element.Document);
                return;
        }
    }

    private static void DocumentStep(XDocument document, CompiledStep step, List<object?> into)
    {
        var root = document.Root;
        if (root is null) return;
        switch (step.Kind)
        {
            case StepKind.Self:
                into.Add(document);
                return;
            case StepKind.Child:
                if (step.MatchesXml(root.Name)) into.Add(root);
                return;
            case StepKind.Wildcard:
                into.Add(root);
                return;
            case StepKind.Descendant:
                if (step.MatchesXml(root.Name)) into.Add(root);
                XmlStep(root, step, into);
                return;
        }
    }
}
