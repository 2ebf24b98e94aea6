using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Bridge.Mappings.Templates;

/// <summary>
/// A canonical enum's member names, looked up without case and without the separators systems put in them
/// (<c>quality_inspection</c>, <c>Quality-Inspection</c>): built once per enum type, because a large document maps
/// the same member types for every row and reflecting over the names each time cost more than the mapping.
/// </summary>
internal sealed class EnumNames
{
    private static readonly ConcurrentDictionary<Type, EnumNames> Cache = new();

    private readonly FrozenDictionary<string, object> _values;

    private EnumNames(Type enumType)
    {
        Names = Enum.GetNames(enumType);
        _values = Names.Select(name => KeyValuePair.Create(name, Enum.Parse(enumType, name)))
            .DistinctBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Names { get; }

    public static EnumNames For(Type enumType) => Cache.GetOrAdd(enumType, static t => new EnumNames(t));

    /// <summary>The member named <paramref name="text"/> as written, or with '_', '-' and ' ' taken out; null when none is.</summary>
    public object? Find(string text) =>
        _values.TryGetValue(text, out var value) || _values.TryGetValue(text.Replace("_", "").Replace("-", "").Replace(" ", ""), out value)
            ? value
            : null;
}
