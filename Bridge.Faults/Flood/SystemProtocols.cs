using YamlDotNet.RepresentationModel;

namespace Bridge.Faults.Flood;

/// <summary>How each system of a config's systems.yaml sends to Bridge: its <c>receive: adapter</c> (http when not given).</summary>
public static class SystemProtocols
{
    public static IReadOnlyDictionary<string, string> Read(string configDir)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(configDir, "systems.yaml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var systems = (YamlMappingNode)root.Children[new YamlScalarNode("systems")];
        return systems.Children.ToDictionary(
            s => ((YamlScalarNode)s.Key).Value!,
            s => s.Value is YamlMappingNode system && system.Children.TryGetValue(new YamlScalarNode("receive"), out var receive)
                && receive is YamlMappingNode binding && binding.Children.TryGetValue(new YamlScalarNode("adapter"), out var adapter)
                ? ((YamlScalarNode)adapter).Value ?? "http"
                : "http",
            StringComparer.Ordinal);
    }
}
