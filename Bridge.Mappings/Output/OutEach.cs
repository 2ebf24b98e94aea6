using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>Repeats <see cref="Item"/> per match: a JSON array, repeated XML elements, or CSV rows.</summary>
internal sealed record OutEach(string Name, CompiledExpr[] Each, CompiledExpr? Where, OutNode Item) : OutNode(Name)
{
    public IReadOnlyList<ItemVariable> Variables { get; init; } = [];
}
