using Bridge.Contracts;
using Bridge.Mappings.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// Reads <c>systems.yaml</c>: every system Bridge talks to. Collects every problem with file, line and column.
/// </summary>
public static class SystemsFileLoader
{
    private static readonly HashSet<string> SystemKeys = ["description", "baseUrl", "apiKeyEnv", "receives", "warehouses", "send", "receive", "accepts"];

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

        AdapterBinding? send = null, receive = null;
        YamlNode? shorthand = null;
        string? apiKeyEnv = null, description = null;
        HashSet<string> receives = [], warehouses = [];
        HashSet<string>? accepts = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = Text(keyNode);
            switch (key)
            {
                case "description":
                    description = Text(valueNode);
                    break;
                case "baseUrl":
                    // Shorthand for send: { adapter: http, instance: default, baseUrl: … }.
                    shorthand = valueNode;
                    CheckBaseUrl(file, id, valueNode, errors);
                    break;
                case "send":
                    send = ReadBinding(file, id, key, valueNode, errors);
                    break;
                case "receive":
                    receive = ReadBinding(file, id, key, valueNode, errors);
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
                case "accepts":
                    accepts = List(file, id, key, valueNode, errors);
                    break;
                case "warehouses":
                    warehouses = List(file, id, key, valueNode, errors);
                    break;
                default:
                    errors.Add(At(file, keyNode, $"system '{id}': unknown key '{key}'; expected one of {string.Join(", ", SystemKeys)}"));
                    break;
            }
        }

        if (shorthand is not null)
        {
            if (send is not null)
            {
                errors.Add(At(file, shorthand, $"system '{id}': baseUrl is shorthand for send: {{ adapter: http, baseUrl: … }}; give one or the other"));
            }

            send ??= AdapterBinding.HttpDefault(At(file, shorthand, "baseUrl"), new Dictionary<string, string>(StringComparer.Ordinal) { ["baseUrl"] = Text(shorthand) });
        }

        return new SystemDefinition
        {
            Id = id,
            Definition = At(file, idNode, $"system '{id}'"),
            Description = description,
            Outbound = send,
            Inbound = receive ?? AdapterBinding.HttpDefault(At(file, idNode, "receive")),
            ApiKeyEnv = apiKeyEnv,
            Receives = receives,
            Accepts = accepts,
            Warehouses = warehouses,
        };
    }

    private static AdapterBinding? ReadBinding(string file, string id, string key, YamlNode node, List<ConfigurationError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(file, node, $"system '{id}': '{key}' must be a mapping like {{ adapter: http, instance: default }}"));
            return null;
        }

        string? adapter = null;
        var instance = AdapterBinding.DefaultInstance;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (settingNode, valueNode) in map.Children)
        {
            var setting = Text(settingNode);
            if (valueNode is not YamlScalarNode)
            {
                errors.Add(At(file, valueNode, $"system '{id}': {key}.{setting} must be a single value"));
                continue;
            }

            switch (setting)
            {
                case "adapter": adapter = Text(valueNode); break;
                case "instance": instance = Text(valueNode); break;
                default: settings[setting] = Text(valueNode); break;
            }

            if (setting is "adapter" or "instance" && !System.Text.RegularExpressions.Regex.IsMatch(Text(valueNode), "^[a-z0-9][a-z0-9-]*$"))
            {
                errors.Add(At(file, valueNode, $"system '{id}': {key}.{setting} '{Text(valueNode)}' must be lower-case letters, digits and '-'"));
            }
        }

        if (adapter is null)
        {
            errors.Add(At(file, node, $"system '{id}': '{key}' names no adapter; expected adapter: http (or another registered adapter)"));
            return null;
        }

        if (adapter == AdapterBinding.Http && key == "send")
        {
            if (map.Children.FirstOrDefault(c => Text(c.Key) == "baseUrl").Value is { } url)
            {
                CheckBaseUrl(file, id, url, errors);
            }
            else
            {
                errors.Add(At(file, node, $"system '{id}': send over http needs a baseUrl"));
            }
        }

        return new AdapterBinding(adapter, instance, settings, At(file, node, key));
    }

    private static void CheckBaseUrl(string file, string id, YamlNode node, List<ConfigurationError> errors)
    {
        if (!Uri.TryCreate(Text(node), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add(At(file, node, $"system '{id}': baseUrl '{Text(node)}' is not an absolute http(s) URL"));
        }
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
