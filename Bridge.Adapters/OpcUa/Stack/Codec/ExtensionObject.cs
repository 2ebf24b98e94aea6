namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A structure identified by its encoding NodeId. Types the adapter does not know stay as their encoded bytes,
/// so they survive a decode / encode round trip unchanged; known types are decoded by the caller through
/// <see cref="TryDecodeBody{T}"/>.
/// </summary>
public sealed class ExtensionObject : IEquatable<ExtensionObject>
{
    public static readonly ExtensionObject Null = new(NodeId.Null, ExtensionObjectEncoding.None, null);

    public ExtensionObject(NodeId typeId, ExtensionObjectEncoding encoding, byte[]? body)
    {
        TypeId = typeId;
        Encoding = encoding;
        Body = body;
    }

    /// <summary>The NodeId of the DataTypeEncoding (for example the DefaultBinary encoding of DataChangeFilter).</summary>
    public NodeId TypeId { get; }

    public ExtensionObjectEncoding Encoding { get; }

    /// <summary>The body: binary bytes, or UTF-8 XML text when <see cref="Encoding"/> is Xml.</summary>
    public byte[]? Body { get; }

    public bool IsNull => Encoding == ExtensionObjectEncoding.None && TypeId.IsNull;

    public static ExtensionObject FromEncodeable<T>(T value) where T : IEncodeable<T>
    {
        var encoder = new BinaryEncoder();
        value.Encode(encoder);
        return new ExtensionObject(new NodeId(T.BinaryEncodingId), ExtensionObjectEncoding.Binary, encoder.ToArray());
    }

    /// <summary>Decodes the body as <typeparamref name="T"/> when the TypeId is T's binary encoding.</summary>
    public bool TryDecodeBody<T>(DecodingLimits limits, out T? value) where T : class, IEncodeable<T>
    {
        value = null;
        if (Encoding != ExtensionObjectEncoding.Binary || Body is null || TypeId.NamespaceIndex != 0
            || TypeId.IdType != NodeIdType.Numeric || TypeId.NumericId != T.BinaryEncodingId)
        {
            return false;
        }
        value = T.Decode(new BinaryDecoder(Body, limits));
        return true;
    }

    public bool Equals(ExtensionObject? other) =>
        other is not null && TypeId == other.TypeId && Encoding == other.Encoding
        && (Body ?? []).AsSpan().SequenceEqual(other.Body ?? []);

    public override bool Equals(object? obj) => Equals(obj as ExtensionObject);

    public override int GetHashCode() => HashCode.Combine(TypeId, Encoding, Body?.Length ?? -1);

    public override string ToString() => $"ExtensionObject({TypeId}, {Body?.Length ?? 0} bytes)";
}
