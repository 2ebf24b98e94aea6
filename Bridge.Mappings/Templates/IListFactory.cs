namespace Bridge.Mappings.Templates;

/// <summary>Makes a typed array (assignable to IReadOnlyList&lt;T&gt;) from evaluated items.</summary>
internal interface IListFactory
{
    object Create(List<object?> items);

    /// <summary>A shared empty list of the element type.</summary>
    object Empty { get; }

    static IListFactory For(Type elementType) =>
        (IListFactory)Activator.CreateInstance(typeof(ListFactory<>).MakeGenericType(elementType))!;
}
