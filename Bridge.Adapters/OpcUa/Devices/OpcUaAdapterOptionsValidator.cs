using Bridge.Adapters.OpcUa.Codec;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.OpcUa.Devices;

/// <summary>Checks a device's options and reports every problem at once, naming the adapter and the node.</summary>
public sealed class OpcUaAdapterOptionsValidator : IValidateOptions<OpcUaAdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, OpcUaAdapterOptions options)
    {
        var problems = Problems(name ?? "", options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string name, OpcUaAdapterOptions options)
    {
        var problems = new List<string>();
        var at = $"opcua adapter '{name}'";
        if (!Uri.TryCreate(options.EndpointUrl, UriKind.Absolute, out var uri) || uri.Scheme != "opc.tcp")
        {
            problems.Add($"{at}: endpoint must be an opc.tcp:// URL, was '{options.EndpointUrl}'");
        }
        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.PasswordEnv))
        {
            problems.Add($"{at}: user '{options.User}' needs passwordEnv naming the environment variable with the password");
        }
        if (options.PublishingIntervalMs is < 10 or > 3_600_000)
        {
            problems.Add($"{at}: publishingIntervalMs must be between 10 and 3600000, was {options.PublishingIntervalMs}");
        }
        if (options.ReconnectMaxDelayMs is < 100 or > 600_000)
        {
            problems.Add($"{at}: reconnectMaxDelayMs must be between 100 and 600000, was {options.ReconnectMaxDelayMs}");
        }
        if (options.Nodes.Count == 0 && options.Writes.Count == 0)
        {
            problems.Add($"{at}: no nodes and no writes configured");
        }
        CheckKeys(at, "node", options.Nodes.Select(n => n.Key), problems);
        CheckKeys(at, "write", options.Writes.Select(w => w.Key), problems);
        foreach (var node in options.Nodes)
        {
            var where = $"{at}, node '{node.Key}'";
            CheckTarget(where, node.NodeId, node.BrowsePath, problems);
            if (string.IsNullOrWhiteSpace(node.MessageType))
            {
                problems.Add($"{where}: messageType is required (the inbound mapping the values feed)");
            }
            if (node.Kind is not (OpcUaNodeKinds.Value or OpcUaNodeKinds.Counter))
            {
                problems.Add($"{where}: kind must be 'value' or 'counter', was '{node.Kind}'");
            }
            if (node.CounterMax is { } max && (max <= 0 || node.Kind != OpcUaNodeKinds.Counter))
            {
                problems.Add($"{where}: counterMax must be positive and needs kind 'counter'");
            }
            switch (node.Deadband)
            {
                case "none":
                    break;
                case "absolute" when node.DeadbandValue >= 0:
                case "percent" when node.DeadbandValue is >= 0 and <= 100:
                    if (node.Kind == OpcUaNodeKinds.Counter)
                    {
                        problems.Add($"{where}: a counter must not have a deadband (it would hide counts)");
                    }
                    break;
                case "absolute" or "percent":
                    problems.Add($"{where}: deadbandValue {node.DeadbandValue} is out of range for a {node.Deadband} deadband");
                    break;
                default:
                    problems.Add($"{where}: deadband must be 'none', 'absolute' or 'percent', was '{node.Deadband}'");
                    break;
            }
        }
        foreach (var write in options.Writes)
        {
            CheckTarget($"{at}, write '{write.Key}'", write.NodeId, write.BrowsePath, problems);
        }
        return problems;
    }

    private static void CheckKeys(string at, string what, IEnumerable<string> keys, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add($"{at}: a {what} has no key");
            }
            else if (!seen.Add(key))
            {
                problems.Add($"{at}: {what} key '{key}' is used twice");
            }
        }
    }

    private static void CheckTarget(string where, string? nodeId, string? browsePath, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(nodeId) == string.IsNullOrWhiteSpace(browsePath))
        {
            problems.Add($"{where}: give exactly one of nodeId and browsePath");
        }
        else if (!string.IsNullOrWhiteSpace(nodeId) && !NodeId.TryParse(nodeId, out _, out var error))
        {
            problems.Add($"{where}: nodeId '{nodeId}' is not a NodeId: {error}");
        }
        else if (!string.IsNullOrWhiteSpace(browsePath) && !browsePath.StartsWith('/'))
        {
            problems.Add($"{where}: browsePath '{browsePath}' must start at the Root folder with '/'");
        }
    }
}
