using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

/// <summary>An iteration: one item per match of <see cref="Each"/> (several levels flatten nested iterations, inner items see outer ones as $parent) (optionally filtered by <see cref="Where"/>), each built from <see cref="Item"/>.</summary>
internal sealed record EachTemplate(YamlMappingNode Mapping, IReadOnlyList<YamlScalarNode> Each, YamlScalarNode? Where, TemplateNode Item) : TemplateNode(Mapping)
{
    /// <summary>Per-item variables, evaluated before where: and the fields.</summary>
    public YamlMappingNode? Let { get; init; }
}
