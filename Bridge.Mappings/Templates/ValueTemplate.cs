using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

/// <summary>A leaf: an expression.</summary>
internal sealed record ValueTemplate(YamlScalarNode Scalar) : TemplateNode(Scalar);
