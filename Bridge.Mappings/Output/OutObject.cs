namespace Bridge.Mappings.Output;

internal sealed record OutObject(string Name, IReadOnlyList<OutNode> Members) : OutNode(Name);
