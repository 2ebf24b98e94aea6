using Assembly = System.Reflection.Assembly;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Bridge.Host.Cli;

namespace Bridge.Tests.Architecture;

/// <summary>The Bridge assemblies as ArchUnitNET reads them (IL, method bodies included), loaded once for all rules.</summary>
public static class BridgeArchitecture
{
    public static readonly Assembly Host = typeof(Bridge.Host.Cli.BridgeCommandLine).Assembly;
    public static readonly Assembly Mappings = typeof(Bridge.Mappings.MappingSet).Assembly;
    public static readonly Assembly Adapters = typeof(Bridge.Adapters.Envelopes.InboundEnvelope).Assembly;
    public static readonly Assembly Contracts = typeof(Bridge.Contracts.CanonicalMessage).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded =
        new(() => new ArchLoader().LoadAssemblies(Host, Mappings, Adapters, Contracts).Build());

    /// <summary>Every type declared under <paramref name="namespacePrefix"/> with the types it depends on.</summary>
    public static IEnumerable<(IType Type, IEnumerable<IType> Targets)> TypesUnder(string namespacePrefix) =>
        Loaded.Value.Types
            .Where(t => InNamespace(t.Namespace?.FullName ?? "", namespacePrefix))
            .Select(t => (t, t.Dependencies.Select(d => d.Target)));

    public static bool InNamespace(string name, string prefix) => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
