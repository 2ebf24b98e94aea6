namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>The four kinds of NodeId identifier (Part 3, 8.2.3).</summary>
public enum NodeIdType
{
    Numeric,
    String,
    Guid,
    Opaque,
}
