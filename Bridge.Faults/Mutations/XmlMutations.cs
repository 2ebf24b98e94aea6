using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bridge.Faults.Mutations;

/// <summary>
/// XML's own breakages: unclosed and mismatched tags, undefined and external entities, the billion laughs, invalid
/// character references, two roots, a lying encoding declaration, namespaces dropped; and hostile text in a value.
/// </summary>
public static class XmlMutations
{
    private const string Marker = "__bridge_fault_marker__";

    private const string BillionLaughs = """
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
        """;

    private const string ExternalEntity = """<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""";

    public static IEnumerable<Mutation> All { get; } =
    [
        new("xml-unclosed", Mutation.Only("xml"), Unclosed),
        new("xml-mismatched-tag", Mutation.Only("xml"), (r, s) => Edit(s, t => ReplaceAt(r, t, "</", "</x-"))),
        new("xml-undefined-entity", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, "&undefined;")),
        new("xml-billion-laughs", Mutation.Only("xml"), (r, s) => WithDoctype(r, s, BillionLaughs, "&lol9;")),
        new("xml-external-entity", Mutation.Only("xml"), (r, s) => WithDoctype(r, s, ExternalEntity, "&xxe;")),
        new("xml-invalid-char-ref", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, HostileValues.Pick(r, ["&#0;", "&#xD800;", "&#x1B;", "&#xFFFE;", "&#99999999;"]))),
        new("xml-two-roots", Mutation.Only("xml"), (_, s) => Edit(s, t => t + "<second/>")),
        new("xml-lying-encoding", Mutation.Only("xml"), (r, s) => Edit(s, t => Declared(t, HostileValues.Pick(r, ["UTF-16", "ISO-8859-1", "EBCDIC-CP-US", "nonsense"])))),
        new("xml-namespaces-dropped", Mutation.Only("xml"), (_, s) => Edit(s, t => System.Text.RegularExpressions.Regex.Replace(t, "\\sxmlns(:\\w+)?=\"[^\"]*\"", ""))),
        new("xml-cdata", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, HostileValues.Pick(r, ["<![CDATA[", "<![CDATA[a]]>]]>", "<![CDATA[12]]>", "<!-- -->12", "<?pi x?>"]))),
        new("xml-wrong-type", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, Escape(HostileValues.Pick(r, HostileValues.WrongTypes).Trim('"')))),
        new("xml-extreme-number", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, Escape(HostileValues.Pick(r, HostileValues.Numbers)))),
        new("xml-unicode", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, Escape(HostileValues.Pick(r, HostileValues.Unicode)))),
        new("xml-control", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, HostileValues.Pick(r, HostileValues.Controls))),
        new("xml-long-text", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, Escape(HostileValues.Long(r)))),
        new("xml-empty-value", Mutation.Only("xml"), (r, s) => ReplaceValue(r, s, "")),
    ];

    private static byte[] Edit(MutationSeed seed, Func<string, string> edit) => Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(seed.Sample)));

    private static byte[] Unclosed(Random random, MutationSeed seed) => Edit(seed, text =>
    {
        var closes = AllIndexes(text, "</");
        return closes.Count == 0 ? text : text[..closes[random.Next(closes.Count)]];
    });

    private static string ReplaceAt(Random random, string text, string find, string replacement)
    {
        var found = AllIndexes(text, find);
        if (found.Count == 0) return text;
        var at = found[random.Next(found.Count)];
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    private static List<int> AllIndexes(string text, string find)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal)) found.Add(at);
        return found;
    }

    /// <summary>The sample with one element's text or one attribute's value replaced by <paramref name="raw"/> (unescaped).</summary>
    private static byte[] ReplaceValue(Random random, MutationSeed seed, string raw)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(seed.Sample), LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return ByteMutations.Insert(random, seed.Sample, Encoding.UTF8.GetBytes(raw));
        }
        var leaves = document.Descendants().Where(e => !e.HasElements).Cast<XObject>()
            .Concat(document.Descendants().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration))
            .ToList();
        if (leaves.Count == 0) return seed.Sample;
        switch (leaves[random.Next(leaves.Count)])
        {
            case XElement element: element.Value = Marker; break;
            case XAttribute attribute: attribute.Value = Marker; break;
        }
        var text = (document.Declaration?.ToString() ?? "") + document.Root!.ToString(SaveOptions.DisableFormatting);
        return Encoding.UTF8.GetBytes(text.Replace(Marker, raw, StringComparison.Ordinal));
    }

    private static byte[] WithDoctype(Random random, MutationSeed seed, string doctype, string reference)
    {
        var replaced = Encoding.UTF8.GetString(ReplaceValue(random, seed, reference));
        var declarationEnd = replaced.StartsWith("<?xml", StringComparison.Ordinal) ? replaced.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return Encoding.UTF8.GetBytes(replaced[..declarationEnd] + doctype + replaced[declarationEnd..]);
    }

    private static string Declared(string text, string encoding)
    {
        var declaration = $"<?xml version=\"1.0\" encoding=\"{encoding}\"?>";
        return text.StartsWith("<?xml", StringComparison.Ordinal) ? declaration + text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..] : declaration + text;
    }

    private static string Escape(string value) => SecurityElement.Escape(value);
}
