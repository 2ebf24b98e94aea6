namespace Bridge.Mappings.Runtime;

/// <summary>
/// Values that depend only on the document — absolute paths and <c>document:</c> values — computed once per document
/// and shared by every split item, so a batch of n items costs n, not n × document size.
/// </summary>
internal sealed class DocumentCache
{
    private static readonly object Unset = new();
    private object?[] _first = [];
    private List<object?>?[] _all = [];

    public object? First(int slot, Func<object?> compute)
    {
        if (slot >= _first.Length) Grow(ref _first, slot, Unset);
        var value = _first[slot];
        if (!ReferenceEquals(value, Unset)) return value;
        return _first[slot] = compute();
    }

    public List<object?> All(int slot, Func<List<object?>> compute)
    {
        if (slot >= _all.Length) Grow(ref _all, slot, null);
        return _all[slot] ??= compute();
    }

    private static void Grow<T>(ref T[] array, int slot, T fill)
    {
        var grown = new T[Math.Max(slot + 1, array.Length * 2)];
        Array.Copy(array, grown, array.Length);
        for (var i = array.Length; i < grown.Length; i++) grown[i] = fill;
        array = grown;
    }
}
