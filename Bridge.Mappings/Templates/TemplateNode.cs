using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

/// <summary>A node of a <c>fields:</c> or <c>body:</c> tree as written in YAML, before it is compiled.</summary>
internal abstract record TemplateNode(YamlNode Yaml);
