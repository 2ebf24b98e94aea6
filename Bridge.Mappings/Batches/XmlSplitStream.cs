using System.Xml;
using System.Xml.Linq;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Paths;

namespace Bridge.Mappings.Batches;

/// <summary>
/// Reads an XML batch without building its DOM: each split item (a plain path such as /b:ProductionSchedule/b:ProductionRequest)
/// becomes one XElement at a time, and what the mapping reads outside the items (the header) is a small skeleton
/// document without them. Memory is one item plus the header, whatever the number of items.
/// </summary>
internal sealed class XmlSplitStream
{
    private const string XmlnsUri = "http://www.w3.org/2000/xmlns/";
    private readonly CompiledStep[] _path;

    private XmlSplitStream(CompiledStep[] path, bool needsHeader)
    {
        _path = path;
        NeedsHeader = needsHeader;
    }

    /// <summary>False when no expression reads outside the split items: the header pass is skipped.</summary>
    public bool NeedsHeader { get; }

    /// <summary>
    /// A stream for <paramref name="split"/>, or null with the reason the mapping needs the whole document:
    /// the split is not a plain path of named children, an expression climbs with '..' or $parent, or a path from the
    /// document root reaches into the split items (or into everything, with // or *).
    /// </summary>
    public static XmlSplitStream? TryCreate(CompiledStep[]? split, DocumentAccess access, out string? domReason)
    {
        domReason = null;
        if (split is not { Length: > 0 } || split.Any(s => s.Kind != StepKind.Child || s.Predicates.Length > 0 || s.Name == "*"))
        {
            domReason = "the split: is not a plain path of element names from the document root";
            return null;
        }
        if (access.ClimbsUp)
        {
            domReason = "an expression climbs out of its item with '..' or $parent";
            return null;
        }
        var needsHeader = false;
        foreach (var path in access.DocumentPaths)
        {
            if (ReferenceEquals(path, split)) continue;
            if (!Diverges(path, split))
            {
                domReason = "a path from the document root reaches into the split items (or uses // or * above them)";
                return null;
            }
            needsHeader = true;
        }
        return new XmlSplitStream(split, needsHeader);
    }

    private static bool Diverges(CompiledStep[] path, CompiledStep[] split)
    {
        for (var i = 0; i < split.Length; i++)
        {
            if (i == path.Length) return false;
            var step = path[i];
            if (step.Kind != StepKind.Child || step.Name == "*") return false;
            var sameName = step.XmlName is not null && split[i].XmlName is not null ? step.XmlName == split[i].XmlName : step.Name == split[i].Name;
            if (!sameName) return true;
            if (step.Predicates.Length > 0) return false;
        }
        return false;
    }

    /// <summary>The document without its split items: the header and trailer that document-level values read.</summary>
    public XDocument ReadHeader(PayloadReader payloadReader, ReadOnlyMemory<byte> payload)
    {
        var document = new XDocument();
        if (!NeedsHeader) return document;
        using var reader = payloadReader.CreateXmlReader(payload);
        var onPath = new bool[_path.Length];
        XContainer current = document;
        var more = reader.Read();
        while (more)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var depth = reader.Depth;
                    var name = XNamespace.Get(reader.NamespaceURI) + reader.LocalName;
                    var matches = depth < _path.Length && (depth == 0 || onPath[depth - 1]) && _path[depth].MatchesXml(name);
                    if (depth < _path.Length) onPath[depth] = matches;
                    if (matches && depth == _path.Length - 1)
                    {
                        reader.Skip();
                        more = reader.ReadState == ReadState.Interactive;
                        continue;
                    }
                    var element = new XElement(name);
                    var empty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (reader.NamespaceURI != XmlnsUri) element.SetAttributeValue(XNamespace.Get(reader.NamespaceURI) + reader.LocalName, reader.Value);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    current.Add(element);
                    if (!empty) current = element;
                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? (XContainer)document;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (current is XElement parent) parent.Add(new XText(reader.Value));
                    break;
            }
            more = reader.Read();
        }
        return document;
    }

    /// <summary>The split items in document order, each with its position (<c>/ProductionSchedule/ProductionRequest[17]</c>).</summary>
    public IEnumerable<(XElement Item, string Location)> Items(PayloadReader payloadReader, ReadOnlyMemory<byte> payload)
    {
        using var reader = payloadReader.CreateXmlReader(payload);
        var onPath = new bool[_path.Length];
        var names = new string[_path.Length];
        var counts = new int[_path.Length + 1];
        var more = reader.Read();
        while (more)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                more = reader.Read();
                continue;
            }
            var depth = reader.Depth;
            var name = XNamespace.Get(reader.NamespaceURI) + reader.LocalName;
            var matches = depth < _path.Length && (depth == 0 || onPath[depth - 1]) && _path[depth].MatchesXml(name);
            if (!matches)
            {
                reader.Skip();
                more = reader.ReadState == ReadState.Interactive;
                continue;
            }
            onPath[depth] = true;
            counts[depth + 1] = 0;
            names[depth] = depth == 0 ? name.LocalName : $"{name.LocalName}[{counts[depth]++}]";
            if (depth < _path.Length - 1)
            {
                more = reader.Read();
                continue;
            }
            var location = "/" + string.Join("/", names);
            var item = (XElement)XNode.ReadFrom(reader);
            more = reader.ReadState == ReadState.Interactive;
            yield return (item, location);
        }
    }
}
