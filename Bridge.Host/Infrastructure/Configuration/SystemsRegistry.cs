using Bridge.Mappings.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Bridge.Contracts;
using Microsoft.Extensions.Configuration;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// The systems Bridge knows at run time: who may post (by API key), where outbound messages go, and each
/// system's base URL (overridable with <c>Bridge:Systems:{id}:BaseUrl</c>). Keys come from
/// <c>Bridge:ApiKeys:{id}</c> or the environment variable the system names, never from a YAML file.
/// </summary>
public sealed class SystemsRegistry
{
    private readonly Dictionary<string, SystemDefinition> _systems;
    private readonly Dictionary<string, byte[]> _keys;

    public SystemsRegistry(IEnumerable<SystemDefinition> systems, IConfiguration configuration)
    {
        _systems = systems.ToDictionary(
            s => s.Id,
            s => configuration[$"Bridge:Systems:{s.Id}:BaseUrl"] is { Length: > 0 } url ? WithBaseUrl(s, url) : s,
            StringComparer.Ordinal);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var system in _systems.Values)
        {
            var key = configuration[$"Bridge:ApiKeys:{system.Id}"]
                ?? (system.ApiKeyEnv is null ? null : Environment.GetEnvironmentVariable(system.ApiKeyEnv));
            if (!string.IsNullOrEmpty(key))
            {
                _keys[system.Id] = Encoding.UTF8.GetBytes(key);
            }
        }
    }

    public IReadOnlyCollection<SystemDefinition> All => _systems.Values;

    public SystemDefinition? Find(string id) => _systems.GetValueOrDefault(id);

    public bool HasKey(string id) => _keys.ContainsKey(id);

    public bool IsAuthorized(string systemId, string? presentedKey) =>
        presentedKey is not null
        && _keys.TryGetValue(systemId, out var expected)
        && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(presentedKey));

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
    private static SystemDefinition WithBaseUrl(SystemDefinition system, string url)
    {
        var binding = system.Outbound ?? AdapterBinding.HttpDefault(new ConfigurationError("Bridge:Systems:" + system.Id, 1, 1, "BaseUrl"));
        var settings = new Dictionary<string, string>(binding.Settings, StringComparer.Ordinal) { ["baseUrl"] = new Uri(url).AbsoluteUri };
        return system with { Outbound = binding with { Settings = settings } };
    }
}
