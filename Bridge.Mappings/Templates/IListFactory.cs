namespace Bridge.Mappings.Templates;

/// <summary>Makes a typed array (assignable to IReadOnlyList&lt;T&gt;) from evaluated items.</summary>
internal interface IListFactory
{
    object Create(List<object?> items);

    static IListFactory For(Type elementType) =>
        (IListFactory)Activator.CreateInstance(typeof(ListFactory<>).MakeGenericType(elementType))!;
}
