using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>
/// Where an outbound message goes and what travels beside its body, with no protocol in it: an address, headers and
/// adapter-specific properties, each a text template. <see cref="TemplateField.Field"/> is how a failure names it
/// (<c>address</c>, <c>headers.X-Id</c>, or <c>request.path</c> for the HTTP <c>request:</c> form).
/// </summary>
internal sealed class EnvelopeTemplate(TemplateField address, IReadOnlyList<TemplateField> headers, IReadOnlyList<TemplateField> properties, string contentType)
{
    public string ContentType => contentType;

    /// <summary>The property's text when it has no holes (e.g. <c>method: GET</c>), else null.</summary>
    public string? ConstantProperty(string name) => properties.FirstOrDefault(p => p.Name == name)?.Template.Constant;

    public string RenderAddress(EvalContext context) => address.Template.Render(context, address.Field);

    public Dictionary<string, string> RenderHeaders(EvalContext context) => Render(headers, context, StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> RenderProperties(EvalContext context) => Render(properties, context, StringComparer.Ordinal);

    private static Dictionary<string, string> Render(IReadOnlyList<TemplateField> fields, EvalContext context, StringComparer comparer)
    {
        var rendered = new Dictionary<string, string>(fields.Count, comparer);
        foreach (var field in fields) rendered[field.Name] = field.Template.Render(context, field.Field);
        return rendered;
    }
}
