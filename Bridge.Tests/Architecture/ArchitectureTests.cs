using System.Reflection;

namespace Bridge.Tests.Architecture;

/// <summary>
/// The shape docs/architecture.md describes: project references point one way (Host → Mappings, Host → Adapters,
/// Mappings → Contracts), no folder (namespace) of Host or Mappings depends on another in a circle, and the domain
/// is plain C# (no MassTransit).
/// </summary>
public class ArchitectureTests
{
    [Fact]
    public void Adapters_ReferencesNeitherMappingsContractsNorHost() =>
        FailWhenAny("Bridge.Adapters references", Forbidden(BridgeArchitecture.Adapters, "Bridge.Mappings", "Bridge.Contracts", "Bridge.Host"));

    [Fact]
    public void Mappings_ReferencesNeitherAdaptersHostNorMassTransit() =>
        FailWhenAny("Bridge.Mappings references", Forbidden(BridgeArchitecture.Mappings, "Bridge.Adapters", "Bridge.Host", "MassTransit", "MassTransit.Abstractions"));

    [Fact]
    public void Host_NamespacesFormNoCycle() =>
        FailWhenAny("namespace cycles in Bridge.Host", NamespaceCycles.Find("Bridge.Host"));

    [Fact]
    public void Mappings_NamespacesFormNoCycle() =>
        FailWhenAny("namespace cycles in Bridge.Mappings", NamespaceCycles.Find("Bridge.Mappings"));

    [Fact]
    public void Domain_ReferencesNoMassTransit()
    {
        var offences = BridgeArchitecture.TypesUnder("Bridge.Host.Domain")
            .SelectMany(t => t.Targets
                .Where(target => BridgeArchitecture.InNamespace(target.Namespace.FullName, "MassTransit"))
                .Select(target => $"{t.Type.FullName} uses {target.FullName}"))
            .Distinct()
            .ToList();
        FailWhenAny("Bridge.Host.Domain types that use MassTransit", offences);
    }

    private static List<string> Forbidden(Assembly assembly, params string[] names) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(names.Contains).Select(n => $"{assembly.GetName().Name} → {n}").ToList();

    private static void FailWhenAny(string title, IReadOnlyCollection<string> items)
    {
        if (items.Count > 0) Assert.Fail(title + ":" + Environment.NewLine + string.Join(Environment.NewLine, items));
    }
}
