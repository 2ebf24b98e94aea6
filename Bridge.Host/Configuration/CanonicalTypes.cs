using Bridge.Contracts;

namespace Bridge.Host.Configuration;

/// <summary>The canonical message types by their record name (<c>PickOrderIssued</c>).</summary>
public static class CanonicalTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(CanonicalMessage).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CanonicalMessage)))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);
}
