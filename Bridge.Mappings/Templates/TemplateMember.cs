using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

internal sealed record TemplateMember(string Name, YamlScalarNode Key, TemplateNode Value);
