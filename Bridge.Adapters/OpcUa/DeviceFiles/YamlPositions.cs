using YamlDotNet.RepresentationModel;

namespace Bridge.Adapters.OpcUa.DeviceFiles;

/// <summary>
/// Finds where a setting is written in a YAML document, by a path such as <c>nodes[1].kind</c>. A setting that is
/// not written (a default) is reported at the nearest enclosing item, and the document start when nothing matches.
/// </summary>
internal static class YamlPositions
{
    public static (int Line, int Column) Find(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return (1, 1);
        }
        if (stream.Documents.Count == 0)
        {
            return (1, 1);
        }
        YamlNode node = stream.Documents[0].RootNode;
        var at = node.Start;
        foreach (var step in Steps(path))
        {
            if (step is int index && node is YamlSequenceNode sequence && index < sequence.Children.Count)
            {
                node = sequence.Children[index];
                at = node.Start;
            }
            else if (step is string key && node is YamlMappingNode mapping
                && mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == key) is { Key: not null } entry)
            {
                node = entry.Value;
                at = entry.Key.Start;
            }
            else
            {
                break;
            }
        }
        return ((int)at.Line, (int)at.Column);
    }

    /// <summary><c>nodes[1].kind</c> → "nodes", 1, "kind".</summary>
    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            yield return bracket < 0 ? part : part[..bracket];
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], out var index))
            {
                yield return index;
            }
        }
    }
}
