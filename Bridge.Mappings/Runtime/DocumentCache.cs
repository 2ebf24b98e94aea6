namespace Bridge.Mappings.Runtime;

/// <summary>
/// Values that depend only on the document — absolute paths and <c>document:</c> values — computed once per document
/// and shared by every split item, so a batch of n items costs n, not n × document size.
/// </summary>
internal sealed class DocumentCache
{
    private static readonly object Unset = new();
    private object?[] _first = Array.Empty<object?>();
    private List<object?>?[] _all = Array.Empty<List<object?>?>();

    public object? First(int slot, Func<object?> compute)
    {
        if (slot >= _first.Length)
        {
            var grown = new object?[Math.Max(slot + 1, _first.Length * 2)];
            Array.Fill(grown, Unset);
            Array.Copy(_first, grown, _first.Length);
            _first = grown;
        }
        var value = _first[slot];
        if (!ReferenceEquals(value, Unset)) return value;
        return _first[slot] = compute();
    }

    public List<object?> All(int slot, Func<List<object?>> compute)
    {
        if (slot >= _all.Length) Array.Resize(ref _all, Math.Max(slot + 1, _all.Length * 2));
        return _all[slot] ??= compute();
    }
}
