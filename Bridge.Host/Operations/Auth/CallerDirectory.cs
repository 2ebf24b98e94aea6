using System.Security.Cryptography;
using Bridge.Host.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// Finds the caller a presented key belongs to. Only SHA-256 hashes of operator and administrator keys are kept
/// (system keys: <see cref="SystemsRegistry"/>); every candidate is compared so the time says nothing about which matched.
/// </summary>
public sealed class CallerDirectory
{
    private readonly List<(byte[] Hash, Caller Caller)> _people = [];
    private readonly SystemsRegistry _systems;

    public CallerDirectory(IOptions<BridgeAuthOptions> options, SystemsRegistry systems, LocalAdministratorKey local)
    {
        _systems = systems;
        foreach (var (name, key) in options.Value.Administrators.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            _people.Add((KeyHash.FromSetting(key), new Caller(BridgeRoles.Administrator, name)));
        }

        foreach (var (name, key) in options.Value.Operators.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            _people.Add((KeyHash.FromSetting(key), new Caller(BridgeRoles.Operator, name)));
        }

        if (local.Key is { } localKey)
        {
            _people.Add((KeyHash.Of(localKey), new Caller(BridgeRoles.Administrator, "local-administrator")));
        }
    }

    public Caller? Find(string presentedKey)
    {
        var hash = KeyHash.Of(presentedKey);
        Caller? found = null;
        foreach (var (candidate, caller) in _people)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash))
            {
                found = caller;
            }
        }

        var system = _systems.FindByKey(presentedKey);
        return found ?? (system is null ? null : new Caller(BridgeRoles.System, system));
    }
}
