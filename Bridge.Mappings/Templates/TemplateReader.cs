using Bridge.Mappings.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

/// <summary>Reads a <c>fields:</c>/<c>body:</c> YAML tree into template nodes, reporting shape problems.</summary>
internal static class TemplateReader
{
    private static readonly HashSet<string> EachKeys = ["each", "where", "let", "fields", "value"];

    public static TemplateNode? Read(YamlNode node, string file, ConfigurationErrorSink errors)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                if (string.IsNullOrWhiteSpace(scalar.Value))
                {
                    errors.Add(file, scalar, "expected an expression, got nothing (write null, '' or a path)");
                    return null;
                }
                return new ValueTemplate(scalar);
            case YamlMappingNode mapping when mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "each"):
                return ReadEach(mapping, file, errors);
            case YamlMappingNode mapping:
                var members = new List<TemplateMember>();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { Length: > 0 } name } keyScalar)
                    {
                        errors.Add(file, key, "expected a field name");
                        continue;
                    }
                    var child = Read(value, file, errors);
                    if (child is not null) members.Add(new TemplateMember(name, keyScalar, child));
                }
                return new ObjectTemplate(mapping, members);
            default:
                errors.Add(file, node, "a YAML list is not allowed here; build a list with 'each:' and 'fields:' (or 'value:')");
                return null;
        }
    }

    private static EachTemplate? ReadEach(YamlMappingNode mapping, string file, ConfigurationErrorSink errors)
    {
        List<YamlScalarNode>? each = null;
        YamlScalarNode? where = null;
        YamlMappingNode? let = null;
        TemplateNode? item = null;
        var failed = false;
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!EachKeys.Contains(name))
            {
                errors.Add(file, key, $"unknown key '{name}' in an 'each:' block; expected each, where, let, fields or value");
                failed = true;
                continue;
            }
            switch (name)
            {
                case "let":
                    if (value is YamlMappingNode letNode) let = letNode;
                    else
                    {
                        errors.Add(file, value, "'let:' expects name: expression lines; use them as $name");
                        failed = true;
                    }
                    break;
                case "each" when value is YamlSequenceNode levels:
                    each = levels.Children.OfType<YamlScalarNode>().Where(l => l.Value is { Length: > 0 }).ToList();
                    if (each.Count == 0 || each.Count != levels.Children.Count)
                    {
                        errors.Add(file, value, "'each:' expects an expression, or a list of expressions for nested levels");
                        failed = true;
                    }
                    break;
                case "each" or "where":
                    if (value is not YamlScalarNode { Value.Length: > 0 } scalar)
                    {
                        errors.Add(file, value, $"'{name}:' expects an expression");
                        failed = true;
                    }
                    else if (name == "each") each = [scalar];
                    else where = scalar;
                    break;
                default:
                    if (item is not null)
                    {
                        errors.Add(file, key, "an 'each:' block takes either 'fields:' or 'value:', not both");
                        failed = true;
                        break;
                    }
                    if (name == "fields" && value is not YamlMappingNode)
                    {
                        errors.Add(file, value, "'fields:' expects a block of field: expression lines");
                        failed = true;
                        break;
                    }
                    item = Read(value, file, errors);
                    failed |= item is null;
                    break;
            }
        }
        if (item is null && !failed)
        {
            errors.Add(file, mapping, "an 'each:' block needs 'fields:' (one object per item) or 'value:' (one value per item)");
            return null;
        }
        return failed || each is null || item is null ? null : new EachTemplate(mapping, each, where, item) { Let = let };
    }
}
