using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bridge.Contracts;
using Bridge.Contracts.Model;
using Bridge.Mappings.Batches;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Output;
using Bridge.Mappings.Runtime;
using Bridge.Mappings.Tables;
using Bridge.Mappings.Templates;
using Bridge.Mappings.Units;
using Bridge.Mappings.Yaml;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Loading;

/// <summary>Reads and compiles one mapping file; reports every problem it finds, not only the first.</summary>
internal sealed partial class MappingFileCompiler(string file, UnitTable units, ConfigurationErrorSink errors)
{
    private static readonly string[] CommonKeys = ["name", "description", "system", "direction", "format", "namespaces", "tables", "statuses", "let", "csv", "encoding"];
    private static readonly HashSet<string> InboundKeys = [.. CommonKeys, "messageType", "produces", "id", "version", "split", "allowEmpty", "maxDepth", "identity", "document", "fields"];
    private static readonly HashSet<string> OutboundKeys = [.. CommonKeys, "consumes", "request", .. EnvelopeReader.NeutralKeys, "body"];
    private static readonly HashSet<string> CsvKeys = ["delimiter", "header", "columns"];

    public object? Compile(YamlMappingNode root)
    {
        var before = errors.Count;
        var direction = root.Text("direction");
        var known = direction == "outbound" ? OutboundKeys : InboundKeys;
        foreach (var key in root.Children.Keys)
        {
            var keyName = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(keyName))
            {
                errors.Add(file, key, $"unknown key '{keyName}'; expected one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }
        }
        var system = RequiredText(root, "system", "the id of the external system, e.g. erp or wms-a");
        if (system is not null && !SystemId().IsMatch(system)) errors.Add(file, root.Get("system")!, $"system id '{system}' should be lower-case letters, digits, '-', '_' or '.'");
        if (direction is not ("inbound" or "outbound"))
        {
            var node = root.Get("direction");
            errors.Add(file, node ?? root, direction is null ? "missing key 'direction:'; expected inbound or outbound" : $"direction '{direction}' is not valid; expected inbound or outbound");
            return null;
        }
        var name = root.Text("name") ?? Path.GetFileNameWithoutExtension(file);
        return direction == "inbound" ? CompileInbound(root, name, system, before) : CompileOutbound(root, name, system, before);
    }

    private InboundDefinition? CompileInbound(YamlMappingNode root, string name, string? system, int before)
    {
        var messageType = RequiredText(root, "messageType", "the kind of payload, e.g. production-order");
        var producesName = RequiredText(root, "produces", "a canonical message type such as ProductionOrderReleased");
        var produces = producesName is null ? null : CanonicalMessageTypes.Find(producesName, ignoreCase: true);
        if (producesName is not null && produces is null)
        {
            errors.Add(file, root.Get("produces")!, $"unknown canonical message '{producesName}'; expected one of: {string.Join(", ", CanonicalMessageTypes.Names)}");
        }
        var formatText = root.Text("format") ?? "json";
        SourceFormat? format = formatText switch
        {
            "json" => SourceFormat.Json,
            "xml" => SourceFormat.Xml,
            "csv" => SourceFormat.Csv,
            "scalar" => SourceFormat.Scalar,
            _ => null,
        };
        if (format is null) errors.Add(file, root.Get("format")!, $"format '{formatText}' is not valid for inbound; expected json, xml, csv or scalar");
        var scope = BuildScope(root, format ?? SourceFormat.Json);
        var expressions = new ExpressionFactory(file, scope, errors);
        var documentLevel = expressions.WithScope(scope.AtDocumentLevel());
        var documentValues = CompileDocumentValues(root, documentLevel, scope);
        var variables = CompileVariables(root, expressions);
        var split = CompileOptional(root, "split", documentLevel);
        var id = CompileOptional(root, "id", expressions);
        var version = CompileOptional(root, "version", expressions);
        var allowEmpty = ReadAllowEmpty(root, split is not null);
        var identity = ReadIdentity(root);
        var fieldsNode = root.Get("fields");
        ObjectPlan? plan = null;
        if (fieldsNode is null) errors.Add(file, root, "missing key 'fields:' (the canonical fields and how each is computed)");
        else if (fieldsNode is not YamlMappingNode) errors.Add(file, fieldsNode, "'fields:' expects a block of field: expression lines");
        else if (TemplateReader.Read(fieldsNode, file, errors) is ObjectTemplate template && produces is not null)
        {
            plan = new InboundCompiler(expressions).CompileMessage(template, produces, root.Children.Keys.First(k => k is YamlScalarNode { Value: "fields" }));
        }
        var csv = ReadCsvOptions(root);
        if (errors.Count != before || plan is null || produces is null || system is null || messageType is null || format is null) return null;
        string? domReason = null;
        var stream = format == SourceFormat.Xml && split is not null ? XmlSplitStream.TryCreate(scope.Access.BarePaths.GetValueOrDefault(split), scope.Access, out domReason) : null;
        return new InboundDefinition(name, file, system, messageType, produces, new PayloadReader(format.Value, csv, ReadEncoding(root), ReadMaxDepth(root)), plan, split, allowEmpty, id, version, variables, scope.Slots.Count, identity)
        {
            DocumentValues = documentValues,
            Stream = stream,
            DomReason = domReason,
        };
    }

    /// <summary><c>document:</c> name: expression lines evaluated once per document (the whole document is the current item); used as $name.</summary>
    private List<(string, int, CompiledExpr)> CompileDocumentValues(YamlMappingNode root, ExpressionFactory expressions, CompileScope scope) =>
        CompileNamed(root, "document", "'document:' expects name: expression lines, computed once per document; use them as $name", "document value", expressions)
            .Select(v => (v.Item1, scope.Variables[v.Item1], v.Item2)).ToList();

    /// <summary><c>maxDepth:</c> how deep an XML or JSON payload may nest (default 256).</summary>
    private int ReadMaxDepth(YamlMappingNode root)
    {
        if (root.Get("maxDepth") is not { } node) return PayloadReader.DefaultMaxDepth;
        var text = root.Text("maxDepth");
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var depth) && depth is >= 1 and <= 100_000) return depth;
        errors.Add(file, node, $"maxDepth expects a whole number from 1 to 100000, got '{text}'");
        return PayloadReader.DefaultMaxDepth;
    }

    /// <summary><c>identity: document</c> (default) or <c>state</c>: what makes two inbound messages the same one.</summary>
    private InboundIdentity ReadIdentity(YamlMappingNode root)
    {
        if (root.Get("identity") is not { } node) return InboundIdentity.Document;
        var text = root.Text("identity");
        switch (text)
        {
            case "document": return InboundIdentity.Document;
            case "state": return InboundIdentity.State;
            default:
                errors.Add(file, node, $"identity expects document (orders, requests, confirmations: same id and version = the same message) or state (stock reports: ordered by sequence or time, never a duplicate), got '{text}'");
                return InboundIdentity.Document;
        }
    }

    /// <summary><c>allowEmpty: true</c>: a document whose split matches nothing is accepted with no message.</summary>
    private bool ReadAllowEmpty(YamlMappingNode root, bool hasSplit)
    {
        if (root.Get("allowEmpty") is not { } node) return false;
        var text = root.Text("allowEmpty");
        if (text is not ("true" or "false"))
        {
            errors.Add(file, node, $"allowEmpty expects true or false, got '{text}'");
            return false;
        }
        if (!hasSplit) errors.Add(file, node, "allowEmpty needs a split: (without one, a document always maps to exactly one message)");
        return text == "true";
    }

    private OutboundDefinition? CompileOutbound(YamlMappingNode root, string name, string? system, int before)
    {
        var consumesName = RequiredText(root, "consumes", "a canonical message type such as PickOrderIssued");
        var consumes = consumesName is null ? null : CanonicalMessageTypes.Find(consumesName, ignoreCase: true);
        if (consumesName is not null && consumes is null)
        {
            errors.Add(file, root.Get("consumes")!, $"unknown canonical message '{consumesName}'; expected one of: {string.Join(", ", CanonicalMessageTypes.Names)}");
        }
        var formatText = root.Text("format") ?? "json";
        OutputFormat? format = formatText switch
        {
            "json" => OutputFormat.Json,
            "xml" => OutputFormat.Xml,
            "csv" => OutputFormat.Csv,
            _ => null,
        };
        if (format is null) errors.Add(file, root.Get("format")!, $"format '{formatText}' is not valid for outbound; expected json, xml or csv");
        var scope = BuildScope(root, SourceFormat.Canonical, consumes);
        var expressions = new ExpressionFactory(file, scope, errors);
        var variables = CompileVariables(root, expressions);
        var envelope = new EnvelopeReader(file, errors, expressions).Read(root, format ?? OutputFormat.Json, out var method);
        OutNode? body = null;
        var bodyNode = root.Get("body");
        if (bodyNode is not null && TemplateReader.Read(bodyNode, file, errors) is { } template)
        {
            body = new OutboundCompiler(expressions).Compile(template, format ?? OutputFormat.Json);
        }
        else if (bodyNode is null && method is not ("GET" or "DELETE"))
        {
            errors.Add(file, root, method is null ? "missing key 'body:' (what to send)" : $"missing key 'body:' (what to send with {method})");
        }
        var csv = ReadCsvOptions(root);
        var xml = format == OutputFormat.Xml ? new XmlBodyWriter(scope.Namespaces, scope.DefaultNamespace) : null;
        if (errors.Count != before || consumes is null || system is null || format is null || envelope is null) return null;
        return new OutboundDefinition(name, file, system, consumes, format.Value, envelope, body, csv, ReadEncoding(root), xml, variables, scope.Slots.Count);
    }

    private CompileScope BuildScope(YamlMappingNode root, SourceFormat format, Type? canonicalType = null)
    {
        var namespaces = new Dictionary<string, XNamespace>(StringComparer.Ordinal);
        XNamespace? defaultNamespace = null;
        if (root.Get("namespaces") is { } nsNode)
        {
            if (nsNode is YamlMappingNode nsMap)
            {
                foreach (var (k, v) in nsMap.Children)
                {
                    var prefix = (k as YamlScalarNode)?.Value ?? "";
                    var uri = (v as YamlScalarNode)?.Value;
                    if (string.IsNullOrWhiteSpace(uri)) errors.Add(file, v, $"namespace '{prefix}' needs a URI");
                    else if (prefix is "" or "default") defaultNamespace = uri;
                    else namespaces[prefix] = uri;
                }
            }
            else errors.Add(file, nsNode, "'namespaces:' expects prefix: URI lines, e.g. b: http://www.mesa.org/xml/B2MML-V0600");
        }
        var tables = TableLoader.Read(root.Get("tables"), file, "tables", errors);
        var statuses = TableLoader.Read(root.Get("statuses"), file, "statuses", errors, ValidateStatus);
        var scope = new CompileScope
        {
            Format = format,
            Namespaces = namespaces,
            DefaultNamespace = defaultNamespace,
            Tables = tables,
            Statuses = statuses,
            Units = units,
            RootType = canonicalType,
            ItemType = canonicalType,
        };
        // let: values take the first slots (they are evaluated by position); document: values follow.
        if (root.Get("let") is YamlMappingNode let)
        {
            foreach (var key in let.Children.Keys.OfType<YamlScalarNode>()) scope.Variables.TryAdd(key.Value!, scope.Slots.Next());
        }
        if (format != SourceFormat.Canonical && root.Get("document") is YamlMappingNode document)
        {
            foreach (var key in document.Children.Keys.OfType<YamlScalarNode>())
            {
                if (!scope.Variables.TryAdd(key.Value!, scope.Slots.Next())) errors.Add(file, key, $"'{key.Value}' is defined under document: and under let:; give one of them another name");
            }
        }
        return scope;
    }

    private static string? ValidateStatus(string value, string table)
    {
        // Status maps translate a system's words into canonical stock statuses.
        return Enum.TryParse<InventoryStatus>(value, ignoreCase: true, out _)
            ? null
            : $"status map '{table}': '{value}' is not a canonical status; expected one of {string.Join(", ", Enum.GetNames<InventoryStatus>())}";
    }

    private List<(string, CompiledExpr)> CompileVariables(YamlMappingNode root, ExpressionFactory expressions) =>
        CompileNamed(root, "let", "'let:' expects name: expression lines; use them as $name", "variable", expressions);

    /// <summary>A block of name: expression lines (let:, document:), compiled in order.</summary>
    private List<(string, CompiledExpr)> CompileNamed(YamlMappingNode root, string key, string notABlock, string what, ExpressionFactory expressions)
    {
        var compiled = new List<(string, CompiledExpr)>();
        var node = root.Get(key);
        if (node is null) return compiled;
        if (node is not YamlMappingNode block)
        {
            errors.Add(file, node, notABlock);
            return compiled;
        }
        foreach (var (k, v) in block.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (v is not YamlScalarNode scalar)
            {
                errors.Add(file, v, $"{what} '{name}' expects an expression");
                continue;
            }
            if (expressions.Compile(scalar) is { } expr) compiled.Add((name, expr));
        }
        return compiled;
    }

    private CompiledExpr? CompileOptional(YamlMappingNode root, string key, ExpressionFactory expressions)
    {
        var node = root.Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value.Length: > 0 } scalar) return expressions.Compile(scalar);
        errors.Add(file, node, $"'{key}:' expects an expression");
        return null;
    }

    /// <summary>The text encoding of CSV and scalar payloads (JSON is UTF-8; XML declares its own).</summary>
    private System.Text.Encoding ReadEncoding(YamlMappingNode root)
    {
        var name = root.Text("encoding");
        if (name is null) return new System.Text.UTF8Encoding(false);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        try
        {
            return System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            errors.Add(file, root.Get("encoding")!, $"unknown encoding '{name}'; expected e.g. utf-8, windows-1252, iso-8859-1, gb18030");
            return System.Text.Encoding.UTF8;
        }
    }

    private CsvOptions ReadCsvOptions(YamlMappingNode root)
    {
        if (root.Get("csv") is not YamlMappingNode csv) return CsvOptions.Default;
        foreach (var key in csv.Children.Keys)
        {
            if (!CsvKeys.Contains((key as YamlScalarNode)?.Value ?? "")) errors.Add(file, key, $"unknown key '{key}' in csv:; expected delimiter, header or columns");
        }
        var delimiterText = csv.Text("delimiter") ?? ",";
        var delimiter = delimiterText switch { "\\t" or "tab" => '\t', { Length: 1 } d => d[0], _ => ',' };
        if (delimiterText.Length != 1 && delimiterText is not ("\\t" or "tab")) errors.Add(file, csv.Get("delimiter")!, "csv delimiter must be one character (or 'tab')");
        var header = csv.Text("header") is not ("false" or "no");
        var columns = csv.Get("columns") is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() : null;
        return new CsvOptions(delimiter, header, columns);
    }

    private string? RequiredText(YamlMappingNode root, string key, string what)
    {
        var node = root.Get(key);
        if (node is YamlScalarNode { Value.Length: > 0 } scalar) return scalar.Value;
        errors.Add(file, node ?? root, node is null ? $"missing key '{key}:' ({what})" : $"'{key}:' expects a value ({what})");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex SystemId();
}
