using System.Text;
using Bridge.Mappings;
using YamlDotNet.RepresentationModel;

namespace Bridge.Faults.Mutations;

/// <summary>
/// The seeds of a config directory: every inbound mapping with the first case of its test file that maps
/// (a payload the mapping accepts, with the case's content type and metadata). A shipped inbound mapping without such a
/// case is an error: the suite could not say it tried that mapping.
/// </summary>
public static class MutationSeeds
{
    public static IReadOnlyList<MutationSeed> Load(string configDir)
    {
        var loaded = MappingSet.LoadDirectory(configDir);
        var set = loaded.Set ?? throw new InvalidOperationException("the mappings of " + configDir + " are invalid:\n" + string.Join("\n", loaded.Errors));
        var cases = Directory.EnumerateFiles(Path.Combine(configDir, "mappings"), "*.test.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(ReadCases)
            .ToList();
        var seeds = new List<MutationSeed>();
        foreach (var mapping in set.Inbound.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var accepted = cases.Where(c => c.Mapping == mapping.Name)
                .Select(c => (Case: c, ContentType: c.ContentType ?? "application/" + mapping.Format))
                .FirstOrDefault(c => mapping.Map(c.Case.Payload, c.ContentType, c.Case.Metadata) is { Errors.Count: 0, Messages.Count: > 0 });
            if (accepted.Case is null)
            {
                throw new InvalidOperationException($"inbound mapping '{mapping.Name}' ({mapping.File}) has no test case that maps: the mutations need one to start from");
            }
            seeds.Add(new MutationSeed(mapping.Name, mapping.System, mapping.MessageType, mapping.Format, accepted.ContentType,
                accepted.Case.Payload, accepted.Case.Metadata));
        }
        return seeds;
    }

    private sealed record TestCase(string Mapping, byte[] Payload, string? ContentType, IReadOnlyDictionary<string, string> Metadata);

    private static IEnumerable<TestCase> ReadCases(string testFile)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(testFile)) yaml.Load(reader);
        if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root) yield break;
        var mapping = Text(root, "mapping");
        if (mapping is null || Child(root, "cases") is not YamlSequenceNode cases) yield break;
        foreach (var node in cases.Children.OfType<YamlMappingNode>())
        {
            var inline = Text(node, "payload");
            var input = Text(node, "input");
            var payload = inline is not null ? Encoding.UTF8.GetBytes(inline)
                : input is not null ? File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(testFile)!, input))
                : null;
            if (payload is null) continue;
            var metadata = Child(node, "metadata") is YamlMappingNode meta
                ? meta.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => (c.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            yield return new TestCase(mapping, payload, Text(node, "contentType"), metadata);
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
