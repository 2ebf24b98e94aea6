namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>How an ExtensionObject's body is carried (Part 6, 5.2.2.15).</summary>
public enum ExtensionObjectEncoding : byte
{
    None = 0,
    Binary = 1,
    Xml = 2,
}
