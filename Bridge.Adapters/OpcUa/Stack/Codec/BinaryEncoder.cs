using System.Buffers.Binary;
using System.Text;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>Writes OPC UA Binary (Part 6, 5.2) into a growable buffer, little-endian.</summary>
public sealed class BinaryEncoder
{
    private static readonly UTF8Encoding Utf8 = new(false, true);
    private byte[] buffer;
    private int position;

    public BinaryEncoder(int capacity = 256) => buffer = new byte[Math.Max(16, capacity)];

    public int Position => position;

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, position);

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, position);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Reset() => position = 0;

    /// <summary>Overwrites four bytes already written (message sizes known only at the end).</summary>
    public void PatchUInt32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at, 4), value);

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteSByte(sbyte value) => WriteByte(unchecked((byte)value));

    public void WriteByte(byte value)
    {
        Ensure(1);
        buffer[position++] = value;
    }

    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Take(2), value);

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    public void WriteFloat(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    public void WriteDateTime(DateTime value) => WriteInt64(UaDateTime.ToTicks(value));

    /// <summary>Data1..Data3 little-endian, Data4 as bytes: the layout of <see cref="Guid.TryWriteBytes(Span{byte})"/>.</summary>
    public void WriteGuid(Guid value) => value.TryWriteBytes(Take(16));

    public void WriteRawBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }
        var length = Utf8.GetByteCount(value);
        WriteInt32(length);
        Utf8.GetBytes(value, Take(length));
    }

    public void WriteByteString(ReadOnlySpan<byte> value, bool isNull = false)
    {
        if (isNull)
        {
            WriteInt32(-1);
            return;
        }
        WriteInt32(value.Length);
        WriteRawBytes(value);
    }

    public void WriteByteString(byte[]? value) => WriteByteString(value, value is null);

    public void WriteXmlElement(XmlElement value) => WriteString(value.Value);

    public void WriteStatusCode(StatusCode value) => WriteUInt32(value.Code);

    public void WriteNodeId(NodeId? value) => NodeIdEncoding.Write(this, value ?? NodeId.Null, 0);

    public void WriteExpandedNodeId(ExpandedNodeId? value)
    {
        value ??= ExpandedNodeId.Null;
        byte flags = 0;
        if (value.NamespaceUri is not null)
        {
            flags |= NodeIdEncoding.NamespaceUriFlag;
        }
        if (value.ServerIndex != 0)
        {
            flags |= NodeIdEncoding.ServerIndexFlag;
        }
        NodeIdEncoding.Write(this, value.NodeId, flags);
        if (value.NamespaceUri is not null)
        {
            WriteString(value.NamespaceUri);
        }
        if (value.ServerIndex != 0)
        {
            WriteUInt32(value.ServerIndex);
        }
    }

    public void WriteQualifiedName(QualifiedName value)
    {
        WriteUInt16(value.NamespaceIndex);
        WriteString(value.Name);
    }

    public void WriteLocalizedText(LocalizedText value)
    {
        byte mask = 0;
        if (value.Locale is not null)
        {
            mask |= 0x01;
        }
        if (value.Text is not null)
        {
            mask |= 0x02;
        }
        WriteByte(mask);
        if (value.Locale is not null)
        {
            WriteString(value.Locale);
        }
        if (value.Text is not null)
        {
            WriteString(value.Text);
        }
    }

    public void WriteExtensionObject(ExtensionObject? value)
    {
        value ??= ExtensionObject.Null;
        WriteNodeId(value.TypeId);
        var encoding = value.Body is null ? ExtensionObjectEncoding.None : value.Encoding;
        WriteByte((byte)encoding);
        if (encoding != ExtensionObjectEncoding.None)
        {
            WriteByteString(value.Body);
        }
    }

    /// <summary>Wraps a known structure in an ExtensionObject with its binary encoding id.</summary>
    public void WriteEncodeableAsExtensionObject<T>(T? value) where T : class, IEncodeable<T>
    {
        if (value is null)
        {
            WriteExtensionObject(null);
            return;
        }
        WriteNodeId(new NodeId(T.BinaryEncodingId));
        WriteByte((byte)ExtensionObjectEncoding.Binary);
        var lengthAt = position;
        WriteInt32(0);
        value.Encode(this);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(lengthAt, 4), position - lengthAt - 4);
    }

    public void WriteDataValue(DataValue? value) => DataValueEncoding.Write(this, value);

    public void WriteVariant(Variant? value) => VariantEncoding.Write(this, value ?? Variant.Null);

    public void WriteDiagnosticInfo(DiagnosticInfo? value) => DiagnosticInfoEncoding.Write(this, value);

    /// <summary>Int32 length (−1 for null) followed by the elements.</summary>
    public void WriteArray<T>(IReadOnlyList<T>? values, Action<BinaryEncoder, T> write)
    {
        if (values is null)
        {
            WriteInt32(-1);
            return;
        }
        WriteInt32(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            write(this, values[i]);
        }
    }

    public void WriteEncodeableArray<T>(IReadOnlyList<T>? values) where T : IEncodeable<T> =>
        WriteArray(values, static (e, v) => v.Encode(e));

    private Span<byte> Take(int count)
    {
        Ensure(count);
        var span = buffer.AsSpan(position, count);
        position += count;
        return span;
    }

    private void Ensure(int count)
    {
        if (position + count <= buffer.Length)
        {
            return;
        }
        var size = Math.Max(buffer.Length * 2, position + count);
        Array.Resize(ref buffer, size);
    }
}
