namespace Bridge.Mappings.Tables;

/// <summary>A code cross-reference (or a status-word map): key → value, with an optional default for misses.</summary>
internal sealed class LookupTable
{
    private readonly Dictionary<string, string> _entries;

    public LookupTable(string name, string source, Dictionary<string, string> entries, string? defaultValue)
    {
        Name = name;
        Source = source;
        _entries = entries;
        Default = defaultValue;
    }

    public string Name { get; }

    /// <summary>Where the entries came from: a CSV file or "inline".</summary>
    public string Source { get; }

    public string? Default { get; }

    public IEnumerable<string> Values => _entries.Values;

    public int Count => _entries.Count;

    public bool TryGet(string key, out string value) => _entries.TryGetValue(key, out value!);
}
