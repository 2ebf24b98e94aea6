using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Output;
using Bridge.Mappings.Yaml;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Loading;

/// <summary>
/// Reads where an outbound mapping sends its message: the adapter-neutral <c>address:</c>, <c>headers:</c>,
/// <c>properties:</c> and <c>contentType:</c>, or the HTTP shorthand <c>request: { method, path, headers, contentType }</c>,
/// which compiles to the same envelope (address = path, properties.method = method).
/// </summary>
internal sealed class EnvelopeReader(string file, ConfigurationErrorSink errors, ExpressionFactory expressions)
{
    /// <summary>The top-level keys of the adapter-neutral form.</summary>
    public static readonly string[] NeutralKeys = ["address", "headers", "properties", "contentType"];

    private static readonly HashSet<string> RequestKeys = ["method", "path", "headers", "contentType"];

    /// <summary>The envelope, or null after reporting why; <paramref name="method"/> is the constant method, if any (a body is optional for GET and DELETE).</summary>
    public EnvelopeTemplate? Read(YamlMappingNode root, OutputFormat format, out string? method)
    {
        var defaultType = format switch { OutputFormat.Xml => "application/xml", OutputFormat.Csv => "text/csv", _ => "application/json" };
        var request = root.Get("request");
        var neutral = root.Children.Keys.OfType<YamlScalarNode>().Where(k => NeutralKeys.Contains(k.Value)).ToList();
        method = null;
        if (request is not null && neutral.Count > 0)
        {
            foreach (var key in neutral)
            {
                errors.Add(file, key, $"'{key.Value}:' cannot be combined with 'request:'; write either request: {{ method, path, headers }} (HTTP) or address:, headers:, properties:");
            }
            return null;
        }
        if (request is not null) return ReadRequest(request, defaultType, out method);
        if (root.Get("address") is null)
        {
            errors.Add(file, root, "missing 'address:' (where the message goes: a URL path, a topic, a routing key, a node id), " +
                                   "or the HTTP shorthand 'request:' with method and path, e.g. request: { method: POST, path: /api/pick-orders }");
            return null;
        }
        var envelope = ReadNeutral(root, defaultType);
        method = envelope?.ConstantProperty("method")?.ToUpperInvariant();
        return envelope;
    }

    private EnvelopeTemplate? ReadNeutral(YamlMappingNode root, string defaultType)
    {
        var before = errors.Count;
        TemplateField? address = null;
        if (root.Get("address") is YamlScalarNode { Value.Length: > 0 } addressNode)
        {
            address = Field("address", "address", addressNode, addressTemplate: true);
        }
        else errors.Add(file, root.Get("address")!, "'address:' expects a template, e.g. /api/pick-orders/{pickOrderId} or plant/{plant}/kits/{orderId}");
        var headers = Fields(root.Get("headers"), "headers");
        var properties = Fields(root.Get("properties"), "properties");
        var contentType = root.Get("contentType") switch
        {
            null => defaultType,
            YamlScalarNode { Value.Length: > 0 } type => type.Value!,
            var other => Invalid(other, "'contentType:' expects a media type, e.g. application/json"),
        };
        return errors.Count != before || address is null ? null : new EnvelopeTemplate(address, headers, properties, contentType);
    }

    private EnvelopeTemplate? ReadRequest(YamlNode node, string defaultType, out string method)
    {
        method = "POST";
        if (node is not YamlMappingNode request)
        {
            errors.Add(file, node, "'request:' expects a block with method and path, e.g. request: { method: POST, path: /api/pick-orders }");
            return null;
        }
        var before = errors.Count;
        foreach (var key in request.Children.Keys)
        {
            if (!RequestKeys.Contains((key as YamlScalarNode)?.Value ?? "")) errors.Add(file, key, $"unknown key '{key}' in request:; expected method, path, headers or contentType");
        }
        method = (request.Text("method") ?? "POST").ToUpperInvariant();
        if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE")) errors.Add(file, request.Get("method")!, $"method '{method}' is not valid; expected GET, POST, PUT, PATCH or DELETE");
        TemplateField? path = null;
        if (request.Get("path") is YamlScalarNode { Value.Length: > 0 } pathNode)
        {
            if (!pathNode.Value!.StartsWith('/')) errors.Add(file, pathNode, "the path is relative to the system's base URL and starts with '/'");
            path = Field("path", "request.path", pathNode, addressTemplate: true);
        }
        else errors.Add(file, request, "missing 'path:' in request:, e.g. /api/pick-orders/{pickOrderId}");
        var headers = Fields(request.Get("headers"), "request.headers");
        var properties = new[] { new TemplateField("method", "request.method", TextTemplate.Literal(method)) };
        return errors.Count != before || path is null ? null : new EnvelopeTemplate(path, headers, properties, request.Text("contentType") ?? defaultType);
    }

    /// <summary>A block of name: template lines (headers:, properties:).</summary>
    private List<TemplateField> Fields(YamlNode? node, string section)
    {
        var fields = new List<TemplateField>();
        if (node is null) return fields;
        if (node is not YamlMappingNode block)
        {
            errors.Add(file, node, $"'{section}:' expects name: template lines, e.g. {(section.EndsWith("properties", StringComparison.Ordinal) ? "qos: 1" : "X-Order-Id: \"{orderId}\"")}");
            return fields;
        }
        foreach (var (key, value) in block.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (value is not YamlScalarNode scalar || name.Length == 0)
            {
                errors.Add(file, name.Length == 0 ? key : value, $"'{section}.{name}' expects a text template, e.g. \"{{orderId}}\"");
                continue;
            }
            if (Field(name, $"{section}.{name}", scalar, addressTemplate: false) is { } field) fields.Add(field);
        }
        return fields;
    }

    private TemplateField? Field(string name, string field, YamlScalarNode node, bool addressTemplate)
    {
        var template = TextTemplate.Compile(
            node.Value ?? "",
            addressTemplate,
            (text, offset) => ExpressionCompiler.Compile(text, expressions.Scope, (o, m) => errors.AddAt(file, node, offset + o, m)),
            (offset, message) => errors.AddAt(file, node, offset, message));
        return template is null ? null : new TemplateField(name, field, template);
    }

    private string Invalid(YamlNode node, string message)
    {
        errors.Add(file, node, message);
        return "";
    }
}
