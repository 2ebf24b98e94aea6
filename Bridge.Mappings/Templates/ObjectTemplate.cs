using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

/// <summary>An object: named members in the order written.</summary>
internal sealed record ObjectTemplate(YamlMappingNode Mapping, IReadOnlyList<TemplateMember> Members) : TemplateNode(Mapping);
