namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// Variant (Part 6, 5.2.2.16): an encoding mask (built-in type in bits 0–5, 0x40 array dimensions present,
/// 0x80 array), the value or Int32 length + elements, then the dimensions for a matrix.
/// </summary>
internal static class VariantEncoding
{
    private const byte ArrayFlag = 0x80;
    private const byte DimensionsFlag = 0x40;

    public static void Write(BinaryEncoder encoder, Variant variant)
    {
        var type = variant.Type;
        if (type == BuiltInType.Null)
        {
            encoder.WriteByte(0);
            return;
        }
        if (!variant.IsArray)
        {
            encoder.WriteByte((byte)type);
            WriteScalar(encoder, type, variant.Value);
            return;
        }
        var array = (Array)variant.Value!;
        var mask = (byte)((byte)type | ArrayFlag | (variant.ArrayDimensions is null ? 0 : DimensionsFlag));
        encoder.WriteByte(mask);
        encoder.WriteInt32(array.Length);
        foreach (var element in array)
        {
            WriteScalar(encoder, type, element);
        }
        if (variant.ArrayDimensions is { } dimensions)
        {
            encoder.WriteArray(dimensions, static (e, d) => e.WriteInt32(d));
        }
    }

    public static Variant Read(BinaryDecoder decoder)
    {
        var at = decoder.Position;
        var mask = decoder.ReadByte();
        var typeId = mask & 0x3F;
        if (typeId > (int)BuiltInType.DiagnosticInfo)
        {
            throw new OpcUaDecodingException($"Variant at byte {at} has built-in type {typeId}, which does not exist.");
        }
        var type = (BuiltInType)typeId;
        if (type == BuiltInType.Null)
        {
            return mask == 0 ? Variant.Null : throw new OpcUaDecodingException($"Null Variant at byte {at} has flags 0x{mask:X2}.");
        }
        decoder.Enter();
        try
        {
            if ((mask & ArrayFlag) == 0)
            {
                if (type == BuiltInType.Variant || (mask & DimensionsFlag) != 0)
                {
                    throw new OpcUaDecodingException($"Variant at byte {at}: a scalar cannot be a Variant or have dimensions.");
                }
                return Variant.Decoded(type, ReadScalar(decoder, type));
            }
            var length = decoder.ReadLength("Variant array", decoder.Limits.MaxArrayLength);
            var array = ReadArray(decoder, type, Math.Max(length, 0));
            int[]? dimensions = null;
            if ((mask & DimensionsFlag) != 0)
            {
                dimensions = decoder.ReadArray(static d => d.ReadInt32()) ?? [];
                CheckDimensions(dimensions, array.Length, at);
            }
            return Variant.Decoded(type, array, dimensions);
        }
        finally
        {
            decoder.Leave();
        }
    }

    private static void CheckDimensions(int[] dimensions, int length, int at)
    {
        long product = 1;
        foreach (var dimension in dimensions)
        {
            if (dimension < 0)
            {
                throw new OpcUaDecodingException($"Variant at byte {at} has a negative array dimension.");
            }
            product = Math.Min(product * dimension, int.MaxValue + 1L);
        }
        if (dimensions.Length < 1 || product != length)
        {
            throw new OpcUaDecodingException($"Variant at byte {at}: dimensions [{string.Join(",", dimensions)}] do not match {length} elements.");
        }
    }

    private static void WriteScalar(BinaryEncoder e, BuiltInType type, object? value)
    {
        switch (type)
        {
            case BuiltInType.Boolean: e.WriteBoolean((bool)value!); break;
            case BuiltInType.SByte: e.WriteSByte((sbyte)value!); break;
            case BuiltInType.Byte: e.WriteByte((byte)value!); break;
            case BuiltInType.Int16: e.WriteInt16((short)value!); break;
            case BuiltInType.UInt16: e.WriteUInt16((ushort)value!); break;
            case BuiltInType.Int32: e.WriteInt32((int)value!); break;
            case BuiltInType.UInt32: e.WriteUInt32((uint)value!); break;
            case BuiltInType.Int64: e.WriteInt64((long)value!); break;
            case BuiltInType.UInt64: e.WriteUInt64((ulong)value!); break;
            case BuiltInType.Float: e.WriteFloat((float)value!); break;
            case BuiltInType.Double: e.WriteDouble((double)value!); break;
            case BuiltInType.String: e.WriteString((string?)value); break;
            case BuiltInType.DateTime: e.WriteDateTime((DateTime)value!); break;
            case BuiltInType.Guid: e.WriteGuid((Guid)value!); break;
            case BuiltInType.ByteString: e.WriteByteString((byte[]?)value); break;
            case BuiltInType.XmlElement: e.WriteXmlElement((XmlElement)value!); break;
            case BuiltInType.NodeId: e.WriteNodeId((NodeId?)value); break;
            case BuiltInType.ExpandedNodeId: e.WriteExpandedNodeId((ExpandedNodeId?)value); break;
            case BuiltInType.StatusCode: e.WriteStatusCode((StatusCode)value!); break;
            case BuiltInType.QualifiedName: e.WriteQualifiedName((QualifiedName)value!); break;
            case BuiltInType.LocalizedText: e.WriteLocalizedText((LocalizedText)value!); break;
            case BuiltInType.ExtensionObject: e.WriteExtensionObject((ExtensionObject?)value); break;
            case BuiltInType.DataValue: e.WriteDataValue((DataValue?)value); break;
            case BuiltInType.Variant: e.WriteVariant((Variant?)value); break;
            case BuiltInType.DiagnosticInfo: e.WriteDiagnosticInfo((DiagnosticInfo?)value); break;
            default: throw new OpcUaEncodingException($"Cannot encode built-in type {type}.");
        }
    }

    private static object? ReadScalar(BinaryDecoder d, BuiltInType type) => type switch
    {
        BuiltInType.Boolean => d.ReadBoolean(),
        BuiltInType.SByte => d.ReadSByte(),
        BuiltInType.Byte => d.ReadByte(),
        BuiltInType.Int16 => d.ReadInt16(),
        BuiltInType.UInt16 => d.ReadUInt16(),
        BuiltInType.Int32 => d.ReadInt32(),
        BuiltInType.UInt32 => d.ReadUInt32(),
        BuiltInType.Int64 => d.ReadInt64(),
        BuiltInType.UInt64 => d.ReadUInt64(),
        BuiltInType.Float => d.ReadFloat(),
        BuiltInType.Double => d.ReadDouble(),
        BuiltInType.String => d.ReadString(),
        BuiltInType.DateTime => d.ReadDateTime(),
        BuiltInType.Guid => d.ReadGuid(),
        BuiltInType.ByteString => d.ReadByteString(),
        BuiltInType.XmlElement => d.ReadXmlElement(),
        BuiltInType.NodeId => d.ReadNodeId(),
        BuiltInType.ExpandedNodeId => d.ReadExpandedNodeId(),
        BuiltInType.StatusCode => d.ReadStatusCode(),
        BuiltInType.QualifiedName => d.ReadQualifiedName(),
        BuiltInType.LocalizedText => d.ReadLocalizedText(),
        BuiltInType.ExtensionObject => d.ReadExtensionObject(),
        BuiltInType.DataValue => d.ReadDataValue(),
        BuiltInType.DiagnosticInfo => d.ReadDiagnosticInfo() ?? new DiagnosticInfo(),
        _ => throw new OpcUaDecodingException($"Cannot decode built-in type {type} as a scalar."),
    };

    private static Array ReadArray(BinaryDecoder d, BuiltInType type, int length) => type switch
    {
        BuiltInType.Boolean => Fill(d, length, static d => d.ReadBoolean()),
        BuiltInType.SByte => Fill(d, length, static d => d.ReadSByte()),
        BuiltInType.Byte => d.ReadRawBytes(length).ToArray(),
        BuiltInType.Int16 => Fill(d, length, static d => d.ReadInt16()),
        BuiltInType.UInt16 => Fill(d, length, static d => d.ReadUInt16()),
        BuiltInType.Int32 => Fill(d, length, static d => d.ReadInt32()),
        BuiltInType.UInt32 => Fill(d, length, static d => d.ReadUInt32()),
        BuiltInType.Int64 => Fill(d, length, static d => d.ReadInt64()),
        BuiltInType.UInt64 => Fill(d, length, static d => d.ReadUInt64()),
        BuiltInType.Float => Fill(d, length, static d => d.ReadFloat()),
        BuiltInType.Double => Fill(d, length, static d => d.ReadDouble()),
        BuiltInType.String => Fill(d, length, static d => d.ReadString()),
        BuiltInType.DateTime => Fill(d, length, static d => d.ReadDateTime()),
        BuiltInType.Guid => Fill(d, length, static d => d.ReadGuid()),
        BuiltInType.ByteString => Fill(d, length, static d => d.ReadByteString()),
        BuiltInType.XmlElement => Fill(d, length, static d => d.ReadXmlElement()),
        BuiltInType.NodeId => Fill(d, length, static d => d.ReadNodeId()),
        BuiltInType.ExpandedNodeId => Fill(d, length, static d => d.ReadExpandedNodeId()),
        BuiltInType.StatusCode => Fill(d, length, static d => d.ReadStatusCode()),
        BuiltInType.QualifiedName => Fill(d, length, static d => d.ReadQualifiedName()),
        BuiltInType.LocalizedText => Fill(d, length, static d => d.ReadLocalizedText()),
        BuiltInType.ExtensionObject => Fill(d, length, static d => d.ReadExtensionObject()),
        BuiltInType.DataValue => Fill(d, length, static d => d.ReadDataValue()),
        BuiltInType.Variant => Fill(d, length, static d => d.ReadVariant()),
        _ => Fill(d, length, static d => d.ReadDiagnosticInfo() ?? new DiagnosticInfo()),
    };

    private static T[] Fill<T>(BinaryDecoder decoder, int length, Func<BinaryDecoder, T> read)
    {
        var items = new T[length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(decoder);
        }
        return items;
    }
}
