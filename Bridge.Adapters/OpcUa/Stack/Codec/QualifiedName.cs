namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>A name qualified by a namespace index, written "ns:name" (0 omitted).</summary>
public readonly record struct QualifiedName(ushort NamespaceIndex, string? Name)
{
    public static QualifiedName Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && ushort.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ns))
        {
            return new QualifiedName(ns, text[(colon + 1)..]);
        }
        return new QualifiedName(0, text);
    }

    public override string ToString() => NamespaceIndex == 0 ? Name ?? "" : $"{NamespaceIndex}:{Name}";
}
