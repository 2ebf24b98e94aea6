using Bridge.Adapters.OpcUa.Stack.Codec;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.OpcUa;

/// <summary>Checks a device's options and reports every problem at once, naming the adapter and the node.</summary>
public sealed class OpcUaAdapterOptionsValidator : IValidateOptions<OpcUaAdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, OpcUaAdapterOptions options)
    {
        var problems = Problems(name ?? "", options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static readonly string[] Policies = ["None", "Best", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"];
    private static readonly string[] Modes = ["Best", "Sign", "SignAndEncrypt"];
    private static readonly string[] TokenTypes = ["anonymous", "username", "x509"];

    private static void CheckSecurity(string at, OpcUaAdapterOptions options, List<OpcUaOptionsProblem> problems)
    {
        var policy = Policies.FirstOrDefault(p => string.Equals(p, options.SecurityPolicy, StringComparison.OrdinalIgnoreCase));
        if (policy is null)
        {
            problems.Add(new("securityPolicy", $"{at}: securityPolicy must be one of {string.Join(", ", Policies)}, was '{options.SecurityPolicy}'"));
        }
        else if (policy == "None")
        {
            if (options.SecurityMode is not null && !string.Equals(options.SecurityMode, "None", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new("securityMode", $"{at}: securityMode '{options.SecurityMode}' needs a securityPolicy other than None"));
            }
        }
        else if (options.SecurityMode is not null && !Modes.Contains(options.SecurityMode, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new("securityMode", $"{at}: securityMode must be one of {string.Join(", ", Modes)}, was '{options.SecurityMode}'"));
        }
        if (string.IsNullOrWhiteSpace(options.PkiDir))
        {
            problems.Add(new("pkiDir", $"{at}: pkiDir must name a folder"));
        }
        var tokenType = options.UserTokenType ?? (string.IsNullOrEmpty(options.User) ? "anonymous" : "username");
        if (!TokenTypes.Contains(tokenType, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new("userTokenType", $"{at}: userTokenType must be one of {string.Join(", ", TokenTypes)}, was '{tokenType}'"));
        }
        else if (string.Equals(tokenType, "username", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(options.User))
        {
            problems.Add(new("userTokenType", $"{at}: userTokenType username needs user and passwordEnv"));
        }
        else if (string.Equals(tokenType, "x509", StringComparison.OrdinalIgnoreCase) && (string.IsNullOrEmpty(options.UserCertificate) || string.IsNullOrEmpty(options.UserKey)))
        {
            problems.Add(new("userTokenType", $"{at}: userTokenType x509 needs userCertificate and userKey (PEM files)"));
        }
    }

    public static List<string> Problems(string name, OpcUaAdapterOptions options) => Check(name, options).Select(p => p.Message).ToList();

    /// <summary>Every problem with the setting it concerns.</summary>
    public static List<OpcUaOptionsProblem> Check(string name, OpcUaAdapterOptions options)
    {
        var problems = new List<OpcUaOptionsProblem>();
        var at = $"opcua adapter '{name}'";
        if (!Uri.TryCreate(options.EndpointUrl, UriKind.Absolute, out var uri) || uri.Scheme != "opc.tcp")
        {
            problems.Add(new("endpointUrl", $"{at}: endpoint must be an opc.tcp:// URL, was '{options.EndpointUrl}'"));
        }
        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.PasswordEnv))
        {
            problems.Add(new("user", $"{at}: user '{options.User}' needs passwordEnv naming the environment variable with the password"));
        }
        CheckSecurity(at, options, problems);
        if (options.PublishingIntervalMs is < 10 or > 3_600_000)
        {
            problems.Add(new("publishingIntervalMs", $"{at}: publishingIntervalMs must be between 10 and 3600000, was {options.PublishingIntervalMs}"));
        }
        if (options.ReconnectMaxDelayMs is < 100 or > 600_000)
        {
            problems.Add(new("reconnectMaxDelayMs", $"{at}: reconnectMaxDelayMs must be between 100 and 600000, was {options.ReconnectMaxDelayMs}"));
        }
        if (options.Nodes.Count == 0 && options.Writes.Count == 0 && options.Events.Count == 0)
        {
            problems.Add(new("", $"{at}: no nodes and no writes configured"));
        }
        CheckKeys(at, "node", "nodes", options.Nodes.Select(n => n.Key).ToList(), problems);
        CheckKeys(at, "write", "writes", options.Writes.Select(w => w.Key).ToList(), problems);
        CheckKeys(at, "event", "events", options.Events.Select(e => e.Key).ToList(), problems);
        for (var i = 0; i < options.Events.Count; i++)
        {
            CheckEvent($"events[{i}]", $"{at}, event '{options.Events[i].Key}'", options.Events[i], problems);
        }
        for (var i = 0; i < options.Nodes.Count; i++)
        {
            var node = options.Nodes[i];
            var path = $"nodes[{i}]";
            var where = $"{at}, node '{node.Key}'";
            CheckTarget(path, where, node.NodeId, node.BrowsePath, problems);
            if (string.IsNullOrWhiteSpace(node.MessageType))
            {
                problems.Add(new(path + ".messageType", $"{where}: messageType is required (the inbound mapping the values feed)"));
            }
            if (node.Kind is not (OpcUaNodeKinds.Value or OpcUaNodeKinds.Counter))
            {
                problems.Add(new(path + ".kind", $"{where}: kind must be 'value' or 'counter', was '{node.Kind}'"));
            }
            if (node.CounterMax is { } max && (max <= 0 || node.Kind != OpcUaNodeKinds.Counter))
            {
                problems.Add(new(path + ".counterMax", $"{where}: counterMax must be positive and needs kind 'counter'"));
            }
            switch (node.Deadband)
            {
                case "none":
                    break;
                case "absolute" when node.DeadbandValue >= 0:
                case "percent" when node.DeadbandValue is >= 0 and <= 100:
                    if (node.Kind == OpcUaNodeKinds.Counter)
                    {
                        problems.Add(new(path + ".deadband", $"{where}: a counter must not have a deadband (it would hide counts)"));
                    }
                    break;
                case "absolute" or "percent":
                    problems.Add(new(path + ".deadbandValue", $"{where}: deadbandValue {node.DeadbandValue} is out of range for a {node.Deadband} deadband"));
                    break;
                default:
                    problems.Add(new(path + ".deadband", $"{where}: deadband must be 'none', 'absolute' or 'percent', was '{node.Deadband}'"));
                    break;
            }
        }
        for (var i = 0; i < options.Writes.Count; i++)
        {
            var write = options.Writes[i];
            CheckTarget($"writes[{i}]", $"{at}, write '{write.Key}'", write.NodeId, write.BrowsePath, problems);
        }
        return problems;
    }

    private static void CheckEvent(string path, string where, OpcUaEventOptions entry, List<OpcUaOptionsProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(entry.NodeId) || !string.IsNullOrWhiteSpace(entry.BrowsePath))
        {
            CheckTarget(path, where, entry.NodeId, entry.BrowsePath, problems);
        }
        if (string.IsNullOrWhiteSpace(entry.MessageType))
        {
            problems.Add(new(path + ".messageType", $"{where}: messageType is required (the inbound mapping the events feed)"));
        }
        var fields = entry.Select.Select(f => string.Join('/', f.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => Stack.Codec.QualifiedName.Parse(n).Name))).ToList();
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Length == 0)
            {
                problems.Add(new($"{path}.select[{i}]", $"{where}: select clause {i + 1} is empty"));
            }
            else if (fields.Take(i).Any(f => f == fields[i] || f.StartsWith(fields[i] + "/", StringComparison.Ordinal) || fields[i].StartsWith(f + "/", StringComparison.Ordinal)))
            {
                problems.Add(new($"{path}.select[{i}]", $"{where}: select clause '{entry.Select[i]}' repeats or contains another clause (each becomes one JSON field)"));
            }
        }
    }

    private static void CheckKeys(string at, string what, string section, IReadOnlyList<string> keys, List<OpcUaOptionsProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i]))
            {
                problems.Add(new($"{section}[{i}]", $"{at}: a {what} has no key"));
            }
            else if (!seen.Add(keys[i]))
            {
                problems.Add(new($"{section}[{i}].key", $"{at}: {what} key '{keys[i]}' is used twice"));
            }
        }
    }

    private static void CheckTarget(string path, string where, string? nodeId, string? browsePath, List<OpcUaOptionsProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(nodeId) == string.IsNullOrWhiteSpace(browsePath))
        {
            problems.Add(new(path, $"{where}: give exactly one of nodeId and browsePath"));
        }
        else if (!string.IsNullOrWhiteSpace(nodeId) && !NodeId.TryParse(nodeId, out _, out var error))
        {
            problems.Add(new(path + ".nodeId", $"{where}: nodeId '{nodeId}' is not a NodeId: {error}"));
        }
        else if (!string.IsNullOrWhiteSpace(browsePath) && !browsePath.StartsWith('/'))
        {
            problems.Add(new(path + ".browsePath", $"{where}: browsePath '{browsePath}' must start at the Root folder with '/'"));
        }
    }
}
