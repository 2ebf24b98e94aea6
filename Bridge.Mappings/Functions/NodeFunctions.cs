using System.Text.Json;
using System.Xml.Linq;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>Functions about the source itself: metadata (MQTT topic, OPC UA node id…), element names, raw text.</summary>
internal static class NodeFunctions
{
    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("meta", "meta('name') — adapter metadata: topic, nodeId, sourceTimestamp, statusCode, header names…", 1, 1, ExprType.String, site =>
        {
            var name = site.Args[0].Eval;
            return c => Values.ToText(name(c)) is { } key && c.Metadata.TryGetValue(key, out var value) ? value : null;
        }));
        add(new FunctionDef("name", "name(node) — local name of an XML element or attribute", 1, 1, ExprType.String, site =>
        {
            var node = site.Args[0].Eval;
            return c => node(c) switch
            {
                XElement e => e.Name.LocalName,
                _ => null,
            };
        }));
        add(new FunctionDef("text", "text(node) — the text of a node", 1, 1, ExprType.String, site =>
        {
            var node = site.Args[0].Eval;
            return c => Values.ToText(node(c));
        }));
        add(new FunctionDef("json", "json(node) — a JSON node as its raw JSON text", 1, 1, ExprType.String, site =>
        {
            var node = site.Args[0].Eval;
            return c => node(c) is JsonElement j ? j.GetRawText() : Values.ToText(node(c));
        }));
    }
}
