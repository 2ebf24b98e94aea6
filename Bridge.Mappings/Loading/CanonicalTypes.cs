using Bridge.Contracts;

namespace Bridge.Mappings.Loading;

/// <summary>The canonical message types by name (ProductionOrderReleased…), found in Bridge.Contracts.</summary>
internal static class CanonicalTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(CanonicalMessage).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(CanonicalMessage).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    public static Type? Find(string name) =>
        ByName.TryGetValue(name, out var type) ? type :
        ByName.Values.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
