namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>A structure with an OPC UA Binary encoding (Part 6, 5.2.6).</summary>
public interface IEncodeable<TSelf> where TSelf : IEncodeable<TSelf>
{
    /// <summary>The numeric NodeId (namespace 0) of the type's DefaultBinary encoding object; 0 when it has none.</summary>
    static abstract uint BinaryEncodingId { get; }

    static abstract TSelf Decode(BinaryDecoder decoder);

    void Encode(BinaryEncoder encoder);
}
