using Bridge.Contracts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// Reads <c>systems.yaml</c>: every system Bridge talks to. Collects every problem with file, line and column.
/// </summary>
public static class SystemsFileLoader
{
    private static readonly HashSet<string> SystemKeys = ["description", "baseUrl", "apiKeyEnv", "receives", "warehouses"];

    public static (IReadOnlyList<SystemDefinition> Systems, IReadOnlyList<ConfigurationError> Errors) Load(string path)
    {
        var errors = new List<ConfigurationError>();
        var systems = new List<SystemDefinition>();
        if (!File.Exists(path))
        {
            errors.Add(new ConfigurationError(path, 1, 1, "path not found; expected the list of systems"));
            return (systems, errors);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new ConfigurationError(path, (int)ex.Start.Line, (int)ex.Start.Column, "YAML syntax: " + (ex.InnerException?.Message ?? ex.Message)));
            return (systems, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ConfigurationError(path, 1, 1, "expected a mapping with a 'systems' key"));
            return (systems, errors);
        }

        foreach (var (key, value) in root.Children)
        {
            if (Text(key) != "systems")
            {
                errors.Add(At(path, key, $"unknown key '{Text(key)}'; expected 'systems'"));
                continue;
            }

            if (value is not YamlMappingNode list)
            {
                errors.Add(At(path, value, "expected a mapping of system id → settings"));
                continue;
            }

            foreach (var (idNode, body) in list.Children)
            {
                var system = ReadSystem(path, Text(idNode), idNode, body, errors);
                if (system is not null)
                {
                    systems.Add(system);
                }
            }
        }

        return (systems, errors);
    }

    private static SystemDefinition? ReadSystem(string file, string id, YamlNode idNode, YamlNode body, List<ConfigurationError> errors)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]*$"))
        {
            errors.Add(At(file, idNode, $"system id '{id}' must be lower-case letters, digits and '-'"));
        }

        if (body is not YamlMappingNode map)
        {
            errors.Add(At(file, body, $"system '{id}': expected a mapping of settings"));
            return null;
        }

        Uri? baseUrl = null;
        string? apiKeyEnv = null, description = null;
        HashSet<string> receives = [], warehouses = [];
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = Text(keyNode);
            switch (key)
            {
                case "description":
                    description = Text(valueNode);
                    break;
                case "baseUrl":
                    if (!Uri.TryCreate(Text(valueNode), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                    {
                        errors.Add(At(file, valueNode, $"system '{id}': baseUrl '{Text(valueNode)}' is not an absolute http(s) URL"));
                    }

                    break;
                case "apiKeyEnv":
                    apiKeyEnv = Text(valueNode);
                    if (!System.Text.RegularExpressions.Regex.IsMatch(apiKeyEnv, "^[A-Za-z_][A-Za-z0-9_]*$"))
                    {
                        errors.Add(At(file, valueNode, $"system '{id}': apiKeyEnv must name an environment variable (letters, digits, '_'), not hold a key"));
                    }

                    break;
                case "receives":
                    receives = List(file, id, key, valueNode, errors);
                    foreach (var unknown in receives.Where(r => CanonicalMessageTypes.Find(r) is null))
                    {
                        errors.Add(At(file, valueNode, $"system '{id}': '{unknown}' is not a canonical message; expected one of {string.Join(", ", CanonicalMessageTypes.Names)}"));
                    }

                    break;
                case "warehouses":
                    warehouses = List(file, id, key, valueNode, errors);
                    break;
                default:
                    errors.Add(At(file, keyNode, $"system '{id}': unknown key '{key}'; expected one of {string.Join(", ", SystemKeys)}"));
                    break;
            }
        }

        return new SystemDefinition
        {
            Id = id,
            Description = description,
            BaseUrl = baseUrl,
            ApiKeyEnv = apiKeyEnv,
            Receives = receives,
            Warehouses = warehouses,
        };
    }

    private static HashSet<string> List(string file, string id, string key, YamlNode node, List<ConfigurationError> errors)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.Select(Text).ToHashSet(StringComparer.Ordinal);
        }

        errors.Add(At(file, node, $"system '{id}': '{key}' must be a list"));
        return [];
    }

    private static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : "";

    private static ConfigurationError At(string file, YamlNode node, string message) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, message);
}
