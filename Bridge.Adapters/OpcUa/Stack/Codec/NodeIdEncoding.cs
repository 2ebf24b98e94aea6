namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>The six NodeId encodings of Part 6, 5.2.2.9; the writer always picks the most compact one.</summary>
internal static class NodeIdEncoding
{
    public const byte NamespaceUriFlag = 0x80;
    public const byte ServerIndexFlag = 0x40;
    private const byte TwoByte = 0x00;
    private const byte FourByte = 0x01;
    private const byte Numeric = 0x02;
    private const byte String = 0x03;
    private const byte Guid = 0x04;
    private const byte ByteString = 0x05;

    public static void Write(BinaryEncoder encoder, NodeId nodeId, byte flags)
    {
        switch (nodeId.IdType)
        {
            case NodeIdType.Numeric:
                var value = nodeId.NumericId;
                if (nodeId.NamespaceIndex == 0 && value <= byte.MaxValue)
                {
                    encoder.WriteByte((byte)(TwoByte | flags));
                    encoder.WriteByte((byte)value);
                }
                else if (nodeId.NamespaceIndex <= byte.MaxValue && value <= ushort.MaxValue)
                {
                    encoder.WriteByte((byte)(FourByte | flags));
                    encoder.WriteByte((byte)nodeId.NamespaceIndex);
                    encoder.WriteUInt16((ushort)value);
                }
                else
                {
                    encoder.WriteByte((byte)(Numeric | flags));
                    encoder.WriteUInt16(nodeId.NamespaceIndex);
                    encoder.WriteUInt32(value);
                }
                break;
            case NodeIdType.String:
                encoder.WriteByte((byte)(String | flags));
                encoder.WriteUInt16(nodeId.NamespaceIndex);
                encoder.WriteString((string)nodeId.Identifier);
                break;
            case NodeIdType.Guid:
                encoder.WriteByte((byte)(Guid | flags));
                encoder.WriteUInt16(nodeId.NamespaceIndex);
                encoder.WriteGuid((System.Guid)nodeId.Identifier);
                break;
            default:
                encoder.WriteByte((byte)(ByteString | flags));
                encoder.WriteUInt16(nodeId.NamespaceIndex);
                encoder.WriteByteString((byte[])nodeId.Identifier);
                break;
        }
    }

    public static (NodeId NodeId, byte Flags) Read(BinaryDecoder decoder)
    {
        var at = decoder.Position;
        var first = decoder.ReadByte();
        var flags = (byte)(first & (NamespaceUriFlag | ServerIndexFlag));
        NodeId nodeId = (first & 0x3F) switch
        {
            TwoByte => new NodeId(decoder.ReadByte()),
            FourByte => ReadFourByte(decoder),
            Numeric => ReadNumeric(decoder),
            String => ReadString(decoder),
            Guid => ReadGuid(decoder),
            ByteString => ReadOpaque(decoder),
            _ => throw new OpcUaDecodingException($"NodeId encoding byte 0x{first:X2} at byte {at} is not a NodeId encoding."),
        };
        return (nodeId, flags);
    }

    private static NodeId ReadFourByte(BinaryDecoder decoder)
    {
        var ns = decoder.ReadByte();
        return new NodeId(decoder.ReadUInt16(), ns);
    }

    private static NodeId ReadNumeric(BinaryDecoder decoder)
    {
        var ns = decoder.ReadUInt16();
        return new NodeId(decoder.ReadUInt32(), ns);
    }

    private static NodeId ReadString(BinaryDecoder decoder)
    {
        var ns = decoder.ReadUInt16();
        return new NodeId(decoder.ReadString() ?? "", ns);
    }

    private static NodeId ReadGuid(BinaryDecoder decoder)
    {
        var ns = decoder.ReadUInt16();
        return new NodeId(decoder.ReadGuid(), ns);
    }

    private static NodeId ReadOpaque(BinaryDecoder decoder)
    {
        var ns = decoder.ReadUInt16();
        return new NodeId(decoder.ReadByteString() ?? [], ns);
    }
}
