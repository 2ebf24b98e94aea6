using System.Buffers.Binary;

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
        // A value change of a number: type byte, value and the present fields are read from one span, checked once.
        // Anything else, or too few bytes (so the error names the field that is cut off), takes the field-by-field path.
        if ((mask & HasValue) != 0 && decoder.Remaining > 0 && ScalarBits.Size((BuiltInType)decoder.PeekByte()) is var size and > 0
            && decoder.TryTake(1 + size + FieldsSize(mask), out var bytes))
        {
            // As deep as the field-by-field path goes: the DataValue, then its Variant.
            decoder.EnsureDepth(2);
            return ReadFixedSize(mask, bytes, size);
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

    /// <summary>Bytes of the fields after the value that <paramref name="mask"/> says are present.</summary>
    private static int FieldsSize(byte mask) =>
        ((mask & HasStatus) != 0 ? 4 : 0) + ((mask & HasSourceTimestamp) != 0 ? 8 : 0) + ((mask & HasSourcePicoseconds) != 0 ? 2 : 0)
        + ((mask & HasServerTimestamp) != 0 ? 8 : 0) + ((mask & HasServerPicoseconds) != 0 ? 2 : 0);

    private static DataValue ReadFixedSize(byte mask, ReadOnlySpan<byte> bytes, int size)
    {
        var type = (BuiltInType)bytes[0];
        var bits = ScalarBits.FromBytes(type, bytes.Slice(1, size));
        var at = 1 + size;
        var status = default(StatusCode);
        DateTime source = default, server = default;
        ushort sourcePico = 0, serverPico = 0;
        if ((mask & HasStatus) != 0)
        {
            status = new StatusCode(BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]));
            at += 4;
        }
        if ((mask & HasSourceTimestamp) != 0)
        {
            source = UaDateTime.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]));
            at += 8;
        }
        if ((mask & HasSourcePicoseconds) != 0)
        {
            sourcePico = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
            at += 2;
        }
        if ((mask & HasServerTimestamp) != 0)
        {
            server = UaDateTime.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]));
            at += 8;
        }
        if ((mask & HasServerPicoseconds) != 0)
        {
            serverPico = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
        }
        return new DataValue(type, bits, status, mask, source, sourcePico, server, serverPico);
    }
}
