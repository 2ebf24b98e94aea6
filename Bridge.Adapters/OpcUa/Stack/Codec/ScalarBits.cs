using System.Buffers.Binary;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A scalar of a fixed-size built-in type (Boolean to Double, DateTime, StatusCode) as 64 bits. A value change of a
/// number is decoded into these bits and kept in its <see cref="DataValue"/> without a <see cref="Variant"/> or a boxed
/// value until someone asks for one; the duplicate filter compares the same bits, whichever way a value was made.
/// </summary>
internal static class ScalarBits
{
    public static bool IsFixedSize(BuiltInType type) => Size(type) != 0;

    /// <summary>Bytes on the wire of a fixed-size scalar of <paramref name="type"/>; 0 for any other type.</summary>
    public static int Size(BuiltInType type) => type switch
    {
        BuiltInType.Boolean or BuiltInType.SByte or BuiltInType.Byte => 1,
        BuiltInType.Int16 or BuiltInType.UInt16 => 2,
        BuiltInType.Int32 or BuiltInType.UInt32 or BuiltInType.Float or BuiltInType.StatusCode => 4,
        BuiltInType.Int64 or BuiltInType.UInt64 or BuiltInType.Double or BuiltInType.DateTime => 8,
        _ => 0,
    };

    /// <summary>Reads a scalar of a fixed-size <paramref name="type"/> as <see cref="VariantEncoding"/> would, as bits.</summary>
    public static ulong Read(BinaryDecoder d, BuiltInType type)
    {
        var size = Size(type);
        return size == 0
            ? throw new OpcUaDecodingException($"Built-in type {type} is not a fixed-size scalar.")
            : FromBytes(type, d.ReadRawBytes(size));
    }

    /// <summary>The bits of a fixed-size scalar from its <see cref="Size"/> bytes, little-endian as on the wire.</summary>
    public static ulong FromBytes(BuiltInType type, ReadOnlySpan<byte> bytes) => type switch
    {
        BuiltInType.Boolean => bytes[0] != 0 ? 1UL : 0UL,
        BuiltInType.SByte or BuiltInType.Byte => bytes[0],
        BuiltInType.Int16 or BuiltInType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        BuiltInType.Int32 or BuiltInType.UInt32 or BuiltInType.StatusCode => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        BuiltInType.Float => BitConverter.SingleToUInt32Bits(BinaryPrimitives.ReadSingleLittleEndian(bytes)),
        BuiltInType.Int64 or BuiltInType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BuiltInType.Double => BitConverter.DoubleToUInt64Bits(BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
        BuiltInType.DateTime => unchecked((ulong)UaDateTime.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes)).ToBinary()),
        _ => throw new OpcUaDecodingException($"Built-in type {type} is not a fixed-size scalar."),
    };

    /// <summary>The CLR value the bits stand for: the object <see cref="VariantEncoding"/> decodes for the same bytes.</summary>
    public static object ToObject(BuiltInType type, ulong bits) => type switch
    {
        BuiltInType.Boolean => bits != 0,
        BuiltInType.SByte => unchecked((sbyte)bits),
        BuiltInType.Byte => unchecked((byte)bits),
        BuiltInType.Int16 => unchecked((short)bits),
        BuiltInType.UInt16 => unchecked((ushort)bits),
        BuiltInType.Int32 => unchecked((int)bits),
        BuiltInType.UInt32 => unchecked((uint)bits),
        BuiltInType.Int64 => unchecked((long)bits),
        BuiltInType.UInt64 => bits,
        BuiltInType.Float => BitConverter.UInt32BitsToSingle(unchecked((uint)bits)),
        BuiltInType.Double => BitConverter.UInt64BitsToDouble(bits),
        BuiltInType.DateTime => DateTime.FromBinary(unchecked((long)bits)),
        BuiltInType.StatusCode => new StatusCode(unchecked((uint)bits)),
        _ => throw new InvalidOperationException($"Built-in type {type} is not a fixed-size scalar."),
    };

    /// <summary>The bits of a fixed-size scalar variant (0 for the null variant); null for anything else.</summary>
    public static ulong? Of(Variant variant) => variant.Value switch
    {
        null => variant.IsNull ? 0UL : null,
        bool b => b ? 1UL : 0UL,
        sbyte s => unchecked((byte)s),
        byte b => b,
        short s => unchecked((ushort)s),
        ushort u => u,
        int i => unchecked((uint)i),
        uint u => u,
        long l => unchecked((ulong)l),
        ulong u => u,
        float f => BitConverter.SingleToUInt32Bits(f),
        double d => BitConverter.DoubleToUInt64Bits(d),
        DateTime t => unchecked((ulong)t.ToBinary()),
        StatusCode c => c.Code,
        _ => null,
    };

    /// <summary>Whether two scalars of <paramref name="type"/> are equal as their CLR values are (NaN equals NaN, 0.0 equals −0.0).</summary>
    public static bool Same(BuiltInType type, ulong a, ulong b) => type switch
    {
        BuiltInType.Float => BitConverter.UInt32BitsToSingle(unchecked((uint)a)).Equals(BitConverter.UInt32BitsToSingle(unchecked((uint)b))),
        BuiltInType.Double => BitConverter.UInt64BitsToDouble(a).Equals(BitConverter.UInt64BitsToDouble(b)),
        BuiltInType.DateTime => DateTime.FromBinary(unchecked((long)a)) == DateTime.FromBinary(unchecked((long)b)),
        _ => a == b,
    };
}
