namespace Bridge.Contracts;

/// <summary>The canonical message types by their record name (<c>PickOrderIssued</c>), for configuration that names them.</summary>
public static class CanonicalMessageTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(CanonicalMessage).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CanonicalMessage)))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The type of that name; with <paramref name="ignoreCase"/>, an exact match first, then any casing.</summary>
    public static Type? Find(string name, bool ignoreCase = false) =>
        ByName.TryGetValue(name, out var type) ? type
        : ignoreCase ? ByName.Values.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        : null;
}
