using System.Buffers.Binary;
using System.Text;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// Reads OPC UA Binary (Part 6, 5.2). Any malformed or truncated input raises <see cref="OpcUaDecodingException"/>
/// and nothing else; lengths are checked against the remaining bytes before anything is allocated.
/// </summary>
public sealed class BinaryDecoder
{
    private static readonly UTF8Encoding Utf8 = new(false, true);
    private readonly ReadOnlyMemory<byte> memory;
    // The array behind the memory, when there is one: a span of it is cheaper than memory.Span on every read.
    private readonly byte[]? array;
    private readonly int offset;
    private int position;
    private int depth;

    public BinaryDecoder(ReadOnlyMemory<byte> memory, DecodingLimits? limits = null)
    {
        this.memory = memory;
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment))
        {
            array = segment.Array;
            offset = segment.Offset;
        }
        Limits = limits ?? DecodingLimits.Default;
    }

    public DecodingLimits Limits { get; }

    public int Position => position;

    public int Remaining => memory.Length - position;

    public bool ReadBoolean() => ReadByte() != 0;

    public sbyte ReadSByte() => unchecked((sbyte)ReadByte());

    public byte ReadByte() => Take(1)[0];

    /// <summary>The next <paramref name="count"/> bytes, consumed, when there are that many; else nothing is consumed.</summary>
    internal bool TryTake(int count, out ReadOnlySpan<byte> bytes)
    {
        if ((uint)count > (uint)Remaining)
        {
            bytes = default;
            return false;
        }
        bytes = Take(count);
        return true;
    }

    /// <summary>The next byte, not consumed; there must be one.</summary>
    internal byte PeekByte()
    {
        var next = Take(1)[0];
        position--;
        return next;
    }

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public DateTime ReadDateTime() => UaDateTime.FromTicks(ReadInt64());

    public Guid ReadGuid() => new(Take(16));

    public ReadOnlySpan<byte> ReadRawBytes(int count) => Take(count);

    public ReadOnlyMemory<byte> ReadRawMemory(int count)
    {
        Take(count);
        return memory.Slice(position - count, count);
    }

    public string? ReadString()
    {
        var length = ReadLength("String", Limits.MaxStringLength);
        if (length < 0)
        {
            return null;
        }
        try
        {
            return Utf8.GetString(Take(length));
        }
        catch (DecoderFallbackException)
        {
            throw new OpcUaDecodingException($"String at byte {position - length} is not valid UTF-8.");
        }
    }

    public byte[]? ReadByteString()
    {
        var length = ReadLength("ByteString", Limits.MaxByteStringLength);
        return length < 0 ? null : Take(length).ToArray();
    }

    public XmlElement ReadXmlElement() => new(ReadString());

    public StatusCode ReadStatusCode() => new(ReadUInt32());

    public NodeId ReadNodeId()
    {
        var (nodeId, flags) = NodeIdEncoding.Read(this);
        if (flags != 0)
        {
            throw new OpcUaDecodingException($"NodeId at byte {position} carries ExpandedNodeId flags 0x{flags:X2}.");
        }
        return nodeId;
    }

    public ExpandedNodeId ReadExpandedNodeId()
    {
        var (nodeId, flags) = NodeIdEncoding.Read(this);
        var uri = (flags & NodeIdEncoding.NamespaceUriFlag) != 0 ? ReadString() : null;
        var server = (flags & NodeIdEncoding.ServerIndexFlag) != 0 ? ReadUInt32() : 0;
        return new ExpandedNodeId(nodeId, uri, server);
    }

    public QualifiedName ReadQualifiedName() => new(ReadUInt16(), ReadString());

    public LocalizedText ReadLocalizedText()
    {
        var mask = ReadByte();
        if ((mask & ~0x03) != 0)
        {
            throw new OpcUaDecodingException($"LocalizedText mask 0x{mask:X2} has unknown bits.");
        }
        var locale = (mask & 0x01) != 0 ? ReadString() : null;
        var text = (mask & 0x02) != 0 ? ReadString() : null;
        return new LocalizedText(locale, text);
    }

    public ExtensionObject ReadExtensionObject()
    {
        var typeId = ReadNodeId();
        var encoding = ReadByte();
        return encoding switch
        {
            0 => typeId.IsNull ? ExtensionObject.Null : new ExtensionObject(typeId, ExtensionObjectEncoding.None, null),
            1 => new ExtensionObject(typeId, ExtensionObjectEncoding.Binary, ReadByteString() ?? []),
            2 => new ExtensionObject(typeId, ExtensionObjectEncoding.Xml, ReadByteString() ?? []),
            _ => throw new OpcUaDecodingException($"ExtensionObject encoding byte 0x{encoding:X2} is not 0, 1 or 2."),
        };
    }

    /// <summary>
    /// Reads an ExtensionObject; when it holds <typeparamref name="T"/> in binary, decodes the body where it lies in
    /// the message (within the body's own length and the same limits) instead of copying it out first.
    /// </summary>
    public ExtensionObject ReadExtensionObjectDecoding<T>() where T : class, IEncodeable<T>
    {
        var typeId = ReadNodeId();
        var encoding = ReadByte();
        if (encoding != 1 || typeId.NamespaceIndex != 0 || typeId.IdType != NodeIdType.Numeric || typeId.NumericId != T.BinaryEncodingId)
        {
            return encoding switch
            {
                0 => typeId.IsNull ? ExtensionObject.Null : new ExtensionObject(typeId, ExtensionObjectEncoding.None, null),
                1 => new ExtensionObject(typeId, ExtensionObjectEncoding.Binary, ReadByteString() ?? []),
                2 => new ExtensionObject(typeId, ExtensionObjectEncoding.Xml, ReadByteString() ?? []),
                _ => throw new OpcUaDecodingException($"ExtensionObject encoding byte 0x{encoding:X2} is not 0, 1 or 2."),
            };
        }
        var length = ReadLength("ByteString", Limits.MaxByteStringLength);
        if (length < 0)
        {
            return new ExtensionObject(typeId, ExtensionObjectEncoding.Binary, []);
        }
        var body = new BinaryDecoder(ReadRawMemory(length), Limits);
        return ExtensionObject.FromDecoded(typeId, T.Decode(body));
    }

    /// <summary>Reads an ExtensionObject that must hold <typeparamref name="T"/> (or nothing).</summary>
    public T? ReadEncodeableInExtensionObject<T>() where T : class, IEncodeable<T>
    {
        var extension = ReadExtensionObject();
        if (extension.IsNull)
        {
            return null;
        }
        Enter();
        try
        {
            return extension.TryDecodeBody<T>(Limits, out var value)
                ? value
                : throw new OpcUaDecodingException($"Expected a {typeof(T).Name}, got an ExtensionObject of type {extension.TypeId}.");
        }
        finally
        {
            Leave();
        }
    }

    public DataValue ReadDataValue() => DataValueEncoding.Read(this);

    public Variant ReadVariant() => VariantEncoding.Read(this);

    public DiagnosticInfo? ReadDiagnosticInfo() => DiagnosticInfoEncoding.Read(this);

    /// <summary>Int32 length (−1 null) then elements; the length is checked before any allocation.</summary>
    public T[]? ReadArray<T>(Func<BinaryDecoder, T> read)
    {
        var length = ReadLength("Array", Limits.MaxArrayLength);
        if (length < 0)
        {
            return null;
        }
        var items = new T[length];
        for (var i = 0; i < length; i++)
        {
            items[i] = read(this);
        }
        return items;
    }

    public T[] ReadEncodeableArray<T>() where T : IEncodeable<T> => ReadArray(static d => T.Decode(d)) ?? [];

    /// <summary>Reads an Int32 length; −1 (or any negative) means null. Every element takes at least one byte.</summary>
    internal int ReadLength(string what, int max)
    {
        var at = position;
        var length = ReadInt32();
        if (length < 0)
        {
            return -1;
        }
        if (length > max)
        {
            throw new OpcUaDecodingException($"{what} length {length} at byte {at} exceeds the limit {max}.", StatusCodes.BadEncodingLimitsExceeded);
        }
        if (length > Remaining)
        {
            throw new OpcUaDecodingException($"{what} length {length} at byte {at} exceeds the {Remaining} bytes left.");
        }
        return length;
    }

    internal void Enter()
    {
        if (++depth > Limits.MaxDepth)
        {
            throw new OpcUaDecodingException($"Nesting deeper than {Limits.MaxDepth} at byte {position}.", StatusCodes.BadEncodingLimitsExceeded);
        }
    }

    internal void Leave() => depth--;

    /// <summary>Fails as <see cref="Enter"/> would if <paramref name="levels"/> more levels were entered here.</summary>
    internal void EnsureDepth(int levels)
    {
        if (depth + levels > Limits.MaxDepth)
        {
            throw new OpcUaDecodingException($"Nesting deeper than {Limits.MaxDepth} at byte {position}.", StatusCodes.BadEncodingLimitsExceeded);
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)Remaining)
        {
            throw new OpcUaDecodingException($"Unexpected end of data: {count} bytes needed at byte {position}, {Remaining} left.");
        }
        var span = array is not null ? new ReadOnlySpan<byte>(array, offset + position, count) : memory.Span.Slice(position, count);
        position += count;
        return span;
    }
}
