using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Bridge.Mappings.Documents;

namespace Bridge.Mappings.Runtime;

/// <summary>
/// Names the source item an iteration context stands for: <c>/ProductionSchedule/ProductionRequest[17]/SegmentRequirement[0]/MaterialRequirement[3]</c>
/// in XML (0-based among same-named siblings), <c>$.components[3]</c> in JSON, <c>row 7</c> in CSV (the header is row 1).
/// Computed only when an error is reported.
/// </summary>
internal static class SourceLocation
{
    public static string? Describe(EvalContext context)
    {
        if (context.Parent is null) return null; // the whole document: the error's field says enough
        switch (context.Current)
        {
            case XDocument:
                return "/";
            case XElement element:
                return Xml(element, context);
            case JsonElement json:
                return Json(json, context);
            case CsvRecord record:
                return $"row {record.Row}";
        }
        var parent = context.Parent.Location;
        return parent is null ? null : $"{parent}[{context.Index}]";
    }

    private static string Xml(XElement element, EvalContext context)
    {
        var segments = new List<string>();
        var top = element;
        for (var e = element; e is not null; e = e.Parent)
        {
            segments.Add($"{e.Name.LocalName}[{e.ElementsBeforeSelf(e.Name).Count()}]");
            top = e;
        }
        segments.Reverse();
        if (top.Document is not null && top.Parent is null)
        {
            segments[0] = top.Name.LocalName; // the document element is unique: no index
            return "/" + string.Join("/", segments);
        }
        // A streamed split item has no parent: its position comes from the reader.
        for (var c = context.Parent; c is not null; c = c.Parent)
        {
            if (ReferenceEquals(c.Current, top)) return c.Location + (segments.Count > 1 ? "/" + string.Join("/", segments.Skip(1)) : "");
        }
        return string.Join("/", segments);
    }

    private static string Json(JsonElement target, EvalContext context)
    {
        if (context.Root is not JsonElement root) return "$";
        var path = new StringBuilder("$");
        return Find(root, target, path) ? path.ToString() : "$";
    }

    /// <summary>Walks down from <paramref name="node"/> into the one child whose raw text holds the target.</summary>
    private static bool Find(JsonElement node, JsonElement target, StringBuilder path)
    {
        var targetRaw = JsonMarshal.GetRawUtf8Value(target);
        while (true)
        {
            var raw = JsonMarshal.GetRawUtf8Value(node);
            if (Same(raw, targetRaw)) return true;
            var found = false;
            if (node.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in node.EnumerateObject())
                {
                    if (!Contains(JsonMarshal.GetRawUtf8Value(property.Value), targetRaw)) continue;
                    path.Append(IsIdentifier(property.Name) ? "." + property.Name : $"['{property.Name.Replace("'", "\\'")}']");
                    node = property.Value;
                    found = true;
                    break;
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in node.EnumerateArray())
                {
                    if (Contains(JsonMarshal.GetRawUtf8Value(item), targetRaw))
                    {
                        path.Append('[').Append(i).Append(']');
                        node = item;
                        found = true;
                        break;
                    }
                    i++;
                }
            }
            if (!found) return false;
        }
    }

    private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == b.Length && Unsafe.AreSame(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b));

    private static bool Contains(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner)
    {
        var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(outer), ref MemoryMarshal.GetReference(inner));
        return offset >= 0 && offset + inner.Length <= outer.Length;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsLetterOrDigit(ch) || ch == '_');
}
