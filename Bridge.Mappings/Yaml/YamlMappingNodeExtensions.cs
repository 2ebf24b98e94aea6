using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Yaml;

/// <summary>Reading keys of a YAML block without caring whether they are there.</summary>
public static class YamlMappingNodeExtensions
{
    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The text of a scalar key, or null when the key is absent or not a scalar.</summary>
    public static string? Text(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;
}
