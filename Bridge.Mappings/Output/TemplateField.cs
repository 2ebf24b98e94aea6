namespace Bridge.Mappings.Output;

/// <summary>A named text template of an outbound envelope and the field that names it in errors.</summary>
internal sealed record TemplateField(string Name, string Field, TextTemplate Template);
