using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>
/// Writes an outbound body as XML: keys are element names (<c>p:Name</c> with declared prefixes), <c>@name</c>
/// keys are attributes, <c>#text</c> is the element's text, an <c>each:</c> under a key repeats that element.
/// </summary>
internal sealed class XmlBodyWriter(IReadOnlyDictionary<string, XNamespace> namespaces, XNamespace? defaultNamespace)
{
    public byte[] Write(OutObject body, EvalContext context)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            var root = body.Members[0];
            WriteElement(writer, root, context, root.Name, root.Name, isRoot: true);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private void WriteElement(XmlWriter writer, OutNode node, EvalContext context, string name, string field, bool isRoot = false)
    {
        switch (node)
        {
            case OutValue value:
                var text = Values.ToText(OutEvaluator.Value(value, context, field));
                if (text is null) return;
                StartElement(writer, name, isRoot);
                writer.WriteString(text);
                writer.WriteEndElement();
                return;
            case OutObject obj:
                StartElement(writer, name, isRoot);
                foreach (var attribute in obj.Members.OfType<OutValue>().Where(m => m.Name.StartsWith('@')))
                {
                    var attributeText = Values.ToText(OutEvaluator.Value(attribute, context, field + "." + attribute.Name));
                    if (attributeText is null) continue;
                    var (ns, local) = Resolve(attribute.Name[1..], attribute: true);
                    writer.WriteAttributeString(local, ns.NamespaceName, attributeText);
                }
                foreach (var member in obj.Members.Where(m => !m.Name.StartsWith('@')))
                {
                    if (member.Name == "#text" && member is OutValue textValue)
                    {
                        writer.WriteString(Values.ToText(OutEvaluator.Value(textValue, context, field + ".#text")) ?? "");
                        continue;
                    }
                    WriteElement(writer, member, context, member.Name, field + "." + member.Name);
                }
                writer.WriteEndElement();
                return;
            case OutEach each:
                var index = 0;
                foreach (var item in OutEvaluator.Items(each, context, field))
                {
                    WriteElement(writer, each.Item, item, name, $"{field}[{index++}]");
                }
                return;
        }
    }

    private void StartElement(XmlWriter writer, string name, bool isRoot)
    {
        var (ns, local) = Resolve(name, attribute: false);
        var prefix = name.Contains(':') ? name[..name.IndexOf(':')] : "";
        writer.WriteStartElement(prefix, local, ns.NamespaceName);
        if (!isRoot) return;
        foreach (var (declared, uri) in namespaces)
        {
            if (declared != prefix) writer.WriteAttributeString("xmlns", declared, null, uri.NamespaceName);
        }
    }

    private (XNamespace Namespace, string Local) Resolve(string name, bool attribute)
    {
        var colon = name.IndexOf(':');
        if (colon < 0) return (attribute ? XNamespace.None : defaultNamespace ?? XNamespace.None, name);
        return (namespaces[name[..colon]], name[(colon + 1)..]);
    }
}
