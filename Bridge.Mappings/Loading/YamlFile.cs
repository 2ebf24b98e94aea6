using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Loading;

/// <summary>Loads one YAML file into its root mapping node, reporting syntax errors with their position.</summary>
internal static class YamlFile
{
    public static YamlMappingNode? Load(string file, string text, ErrorSink errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
            var hint = message.Contains("invalid mapping", StringComparison.Ordinal) || message.Contains("mapping values are not allowed", StringComparison.Ordinal)
                ? " (an expression containing ': ' or ' #', such as c ? a : b, must be quoted)"
                : "";
            errors.Add(file, ex.Start, $"YAML syntax: {message}{hint}");
            return null;
        }
        catch (ArgumentException ex)
        {
            errors.Add(file, 1, 1, $"YAML: {ex.Message}");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(file, 1, 1, "expected a YAML block of keys (system:, direction:, ...)");
            return null;
        }
        return root;
    }

    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;
}
