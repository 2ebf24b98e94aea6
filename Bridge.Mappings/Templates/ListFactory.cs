namespace Bridge.Mappings.Templates;

internal sealed class ListFactory<T> : IListFactory
{
    public object Empty { get; } = Array.Empty<T>();

    public object Create(List<object?> items)
    {
        var array = new T[items.Count];
        for (var i = 0; i < array.Length; i++) array[i] = (T)items[i]!;
        return array;
    }
}
