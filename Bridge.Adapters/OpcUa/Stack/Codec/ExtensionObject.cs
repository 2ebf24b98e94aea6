namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A structure identified by its encoding NodeId. Types the adapter does not know stay as their encoded bytes,
/// so they survive a decode / encode round trip unchanged; known types are decoded by the caller through
/// <see cref="TryDecodeBody{T}"/>. The decoder may decode a hot type (notification data) straight from the message
/// instead of copying its bytes first; such an object holds the decoded value and encodes its body only when asked.
/// </summary>
public sealed class ExtensionObject : IEquatable<ExtensionObject>
{
    public static readonly ExtensionObject Null = new(NodeId.Null, ExtensionObjectEncoding.None, null);

    private readonly object? decoded;
    private readonly Action<BinaryEncoder>? encodeDecoded;
    private byte[]? body;

    public ExtensionObject(NodeId typeId, ExtensionObjectEncoding encoding, byte[]? body)
    {
        TypeId = typeId;
        Encoding = encoding;
        this.body = body;
    }

    private ExtensionObject(NodeId typeId, object decoded, Action<BinaryEncoder> encode)
    {
        TypeId = typeId;
        Encoding = ExtensionObjectEncoding.Binary;
        this.decoded = decoded;
        encodeDecoded = encode;
    }

    /// <summary>A binary ExtensionObject whose body the decoder has already decoded as <typeparamref name="T"/>.</summary>
    internal static ExtensionObject FromDecoded<T>(NodeId typeId, T value) where T : class, IEncodeable<T> => new(typeId, value, value.Encode);

    /// <summary>The NodeId of the DataTypeEncoding (for example the DefaultBinary encoding of DataChangeFilter).</summary>
    public NodeId TypeId { get; }

    public ExtensionObjectEncoding Encoding { get; }

    /// <summary>The body: binary bytes, or UTF-8 XML text when <see cref="Encoding"/> is Xml.</summary>
    public byte[]? Body => body ??= EncodeDecoded();

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
        if (Encoding != ExtensionObjectEncoding.Binary || TypeId.NamespaceIndex != 0
            || TypeId.IdType != NodeIdType.Numeric || TypeId.NumericId != T.BinaryEncodingId)
        {
            return false;
        }
        if (decoded is T already)
        {
            value = already;
            return true;
        }
        if (Body is null)
        {
            return false;
        }
        value = T.Decode(new BinaryDecoder(Body, limits));
        return true;
    }

    private byte[]? EncodeDecoded()
    {
        if (encodeDecoded is null)
        {
            return null;
        }
        var encoder = new BinaryEncoder();
        encodeDecoded(encoder);
        return encoder.ToArray();
    }

    public bool Equals(ExtensionObject? other) =>
        other is not null && TypeId == other.TypeId && Encoding == other.Encoding
        && (Body ?? []).AsSpan().SequenceEqual(other.Body ?? []);

    public override bool Equals(object? obj) => Equals(obj as ExtensionObject);

    public override int GetHashCode() => HashCode.Combine(TypeId, Encoding, Body?.Length ?? -1);

    public override string ToString() => $"ExtensionObject({TypeId}, {Body?.Length ?? 0} bytes)";
}
