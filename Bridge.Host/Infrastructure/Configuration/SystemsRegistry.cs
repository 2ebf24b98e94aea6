using Bridge.Mappings.Diagnostics;
using System.Security.Cryptography;
using Bridge.Contracts;
using Microsoft.Extensions.Configuration;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// The systems Bridge knows at run time: who may post (by API key), where outbound messages go, and each
/// system's base URL (overridable with <c>Bridge:Systems:{id}:BaseUrl</c>). Keys come from
/// <c>Bridge:ApiKeys:{id}</c> or the environment variable the system names, never from a YAML file; during a
/// rotation the second key comes from <c>Bridge:NextApiKeys:{id}</c> or the variable's name with <c>_NEXT</c>.
/// Only SHA-256 hashes of the keys are kept (a value may be given as <c>sha256:&lt;hex&gt;</c> already).
/// In every setting a hyphen in the id may be spelled '_' (<c>Bridge__Systems__wms_a__BaseUrl</c>), because a
/// shell variable name cannot hold '-'.
/// </summary>
public sealed class SystemsRegistry
{
    private readonly Dictionary<string, SystemDefinition> _systems;
    private readonly Dictionary<string, List<byte[]>> _keys;

    public SystemsRegistry(IEnumerable<SystemDefinition> systems, IConfiguration configuration)
    {
        _systems = systems.ToDictionary(
            s => s.Id,
            s => WithTrustSettings(Setting(configuration, "Bridge:Systems", s.Id, ":BaseUrl") is { Length: > 0 } url ? WithBaseUrl(s, url) : s, configuration),
            StringComparer.Ordinal);
        _keys = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        foreach (var system in _systems.Values)
        {
            var current = Setting(configuration, "Bridge:ApiKeys", system.Id, "")
                ?? (system.ApiKeyEnv is null ? null : Environment.GetEnvironmentVariable(system.ApiKeyEnv));
            var next = Setting(configuration, "Bridge:NextApiKeys", system.Id, "")
                ?? (system.ApiKeyEnv is null ? null : Environment.GetEnvironmentVariable(system.ApiKeyEnv + "_NEXT"));
            var hashes = new[] { current, next }.Where(k => !string.IsNullOrEmpty(k)).Select(k => KeyHash.FromSetting(k!)).ToList();
            if (hashes.Count > 0)
            {
                _keys[system.Id] = hashes;
            }
        }
    }

    /// <summary>A per-system setting, under its id or the id with '-' spelled '_' (environment variables).</summary>
    public static string? Setting(IConfiguration configuration, string section, string id, string leaf) =>
        configuration[$"{section}:{id}{leaf}"] is { Length: > 0 } value ? value
        : id.Contains('-', StringComparison.Ordinal) ? configuration[$"{section}:{id.Replace('-', '_')}{leaf}"]
        : null;

    public IReadOnlyCollection<SystemDefinition> All => _systems.Values;

    public SystemDefinition? Find(string id) => _systems.GetValueOrDefault(id);

    public bool HasKey(string id) => _keys.ContainsKey(id);

    public bool IsAuthorized(string systemId, string? presentedKey) =>
        presentedKey is not null
        && _keys.TryGetValue(systemId, out var expected)
        && Matches(expected, KeyHash.Of(presentedKey));

    /// <summary>The system whose current or next key this is, or null.</summary>
    public string? FindByKey(string presentedKey)
    {
        var hash = KeyHash.Of(presentedKey);
        string? found = null;
        // Every system is compared, so the time taken says nothing about which one matched.
        foreach (var (id, expected) in _keys)
        {
            if (Matches(expected, hash))
            {
                found = id;
            }
        }

        return found;
    }

    private static bool Matches(List<byte[]> expected, byte[] hash)
    {
        var match = false;
        foreach (var candidate in expected)
        {
            match |= CryptographicOperations.FixedTimeEquals(candidate, hash);
        }

        return match;
    }

    /// <summary>
    /// The systems a canonical message goes to: those whose <c>receives</c> lists its type; a message addressed to a
    /// warehouse (<see cref="IWarehouseAddressed"/>) only to those of them that run that warehouse.
    /// </summary>
    public IReadOnlyList<SystemDefinition> RoutesFor(CanonicalMessage message)
    {
        var name = message.GetType().Name;
        var receivers = _systems.Values.Where(s => s.Receives.Contains(name));
        if (message is IWarehouseAddressed addressed)
        {
            receivers = receivers.Where(s => s.Warehouses.Contains(addressed.Warehouse));
        }

        return receivers.ToList();
    }

    /// <summary><c>Bridge:Systems:{id}:BaseUrl</c> overrides the base URL of the system's send binding (http:default when it has none).</summary>
    /// <summary>Settings override systems.yaml's <c>caFile</c> and <c>tlsVerify</c> per system (Bridge:Systems:&lt;id&gt;:CaFile / :TlsVerify).</summary>
    private static SystemDefinition WithTrustSettings(SystemDefinition system, IConfiguration configuration)
    {
        var overrides = new[] { ("caFile", ":CaFile"), ("tlsVerify", ":TlsVerify") }
            .Select(o => (o.Item1, Value: Setting(configuration, "Bridge:Systems", system.Id, o.Item2)))
            .Where(o => !string.IsNullOrEmpty(o.Value))
            .ToList();
        if (overrides.Count == 0 || system.Outbound is not { } binding)
        {
            return system;
        }

        var settings = new Dictionary<string, string>(binding.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value!;
        }

        return system with { Outbound = binding with { Settings = settings } };
    }

    private static SystemDefinition WithBaseUrl(SystemDefinition system, string url)
    {
        var binding = system.Outbound ?? AdapterBinding.HttpDefault(new ConfigurationError("Bridge:Systems:" + system.Id, 1, 1, "BaseUrl"));
        var settings = new Dictionary<string, string>(binding.Settings, StringComparer.Ordinal) { ["baseUrl"] = new Uri(url).AbsoluteUri };
        return system with { Outbound = binding with { Settings = settings } };
    }
}
