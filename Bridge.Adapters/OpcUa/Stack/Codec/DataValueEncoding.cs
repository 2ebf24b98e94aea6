namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>DataValue: an encoding mask then the present fields in the order of Part 6, 5.2.2.17.</summary>
internal static class DataValueEncoding
{
    private const byte HasValue = 0x01;
    private const byte HasStatus = 0x02;
    private const byte HasSourceTimestamp = 0x04;
    private const byte HasServerTimestamp = 0x08;
    private const byte HasSourcePicoseconds = 0x10;
    private const byte HasServerPicoseconds = 0x20;

    public static void Write(BinaryEncoder encoder, DataValue? value)
    {
        if (value is null)
        {
            encoder.WriteByte(0);
            return;
        }
        byte mask = 0;
        mask |= value.Value.IsNull ? (byte)0 : HasValue;
        mask |= value.StatusCode.Code == 0 ? (byte)0 : HasStatus;
        mask |= value.SourceTimestamp is null ? (byte)0 : HasSourceTimestamp;
        mask |= value.ServerTimestamp is null ? (byte)0 : HasServerTimestamp;
        mask |= value.SourcePicoseconds is null ? (byte)0 : HasSourcePicoseconds;
        mask |= value.ServerPicoseconds is null ? (byte)0 : HasServerPicoseconds;
        encoder.WriteByte(mask);
        if ((mask & HasValue) != 0)
        {
            encoder.WriteVariant(value.Value);
        }
        if ((mask & HasStatus) != 0)
        {
            encoder.WriteStatusCode(value.StatusCode);
        }
        if (value.SourceTimestamp is { } source)
        {
            encoder.WriteDateTime(source);
        }
        if (value.SourcePicoseconds is { } sourcePico)
        {
            encoder.WriteUInt16(sourcePico);
        }
        if (value.ServerTimestamp is { } server)
        {
            encoder.WriteDateTime(server);
        }
        if (value.ServerPicoseconds is { } serverPico)
        {
            encoder.WriteUInt16(serverPico);
        }
    }

    public static DataValue Read(BinaryDecoder decoder)
    {
        var mask = decoder.ReadByte();
        if ((mask & 0xC0) != 0)
        {
            throw new OpcUaDecodingException($"DataValue mask 0x{mask:X2} has unknown bits.");
        }
        decoder.Enter();
        try
        {
            Variant? variant = null;
            var scalarType = BuiltInType.Null;
            ulong scalarBits = 0;
            if ((mask & HasValue) != 0)
            {
                // A fixed-size scalar (no array flags: the byte is the type itself) is kept as bits, not as a Variant.
                if (decoder.Remaining > 0 && ScalarBits.IsFixedSize((BuiltInType)decoder.PeekByte()))
                {
                    scalarType = (BuiltInType)decoder.ReadByte();
                    decoder.Enter();
                    scalarBits = ScalarBits.Read(decoder, scalarType);
                    decoder.Leave();
                }
                else
                {
                    variant = decoder.ReadVariant();
                }
            }
            var status = (mask & HasStatus) != 0 ? decoder.ReadStatusCode() : default;
            DateTime? sourceTimestamp = (mask & HasSourceTimestamp) != 0 ? decoder.ReadDateTime() : null;
            ushort? sourcePico = (mask & HasSourcePicoseconds) != 0 ? decoder.ReadUInt16() : null;
            DateTime? serverTimestamp = (mask & HasServerTimestamp) != 0 ? decoder.ReadDateTime() : null;
            ushort? serverPico = (mask & HasServerPicoseconds) != 0 ? decoder.ReadUInt16() : null;
            return new DataValue(variant, scalarType, scalarBits, status, sourceTimestamp, sourcePico, serverTimestamp, serverPico);
        }
        finally
        {
            decoder.Leave();
        }
    }
}
