namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>An XML fragment, kept as text; a separate type so a Variant can tell it from a String.</summary>
public readonly record struct XmlElement(string? Value)
{
    public override string ToString() => Value ?? "";
}
