using System.Xml.Linq;

namespace Bridge.Mappings.Paths;

/// <summary>One resolved path step: its kind, its name for JSON and XML, and its compiled predicates.</summary>
internal sealed class CompiledStep
{
    public required StepKind Kind { get; init; }

    /// <summary>The name as written (JSON property, CSV column, metadata key); null for wildcards.</summary>
    public string? Name
    {
        get => _name;
        init
        {
            _name = value;
            Utf8Name = value is null ? [] : System.Text.Encoding.UTF8.GetBytes(value);
        }
    }

    /// <summary>The name in UTF-8, so JSON property lookups need no transcoding per message.</summary>
    public byte[] Utf8Name { get; private init; } = [];

    private readonly string? _name;

    /// <summary>The exact XML name when a prefix or a default namespace applies; else XML matches <see cref="Name"/> in any namespace.</summary>
    public XName? XmlName { get; init; }

    public CompiledPredicate[] Predicates { get; init; } = [];

    public bool MatchesXml(XName name) =>
        Name == "*" || (XmlName is not null ? name == XmlName : name.LocalName == Name);
}
