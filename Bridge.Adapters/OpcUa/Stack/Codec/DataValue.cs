namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A value with its status and timestamps (Part 4, 7.11). Absent fields are null. Stored as plain fields and a
/// mask of the present ones rather than four nullable fields. One is decoded per value change, so a decoded scalar of
/// a fixed-size type (a number, a Boolean, a DateTime, a StatusCode) is kept as its bits and becomes a
/// <see cref="Variant"/> only when <see cref="Value"/> is read: one object per value change instead of three
/// (DataValue, Variant, boxed value). <see cref="TryGetDouble"/> reads a Double without that.
/// </summary>
public sealed record DataValue
{
    private const byte HasSourceTimestamp = 1;
    private const byte HasSourcePicoseconds = 2;
    private const byte HasServerTimestamp = 4;
    private const byte HasServerPicoseconds = 8;
    private readonly DateTime sourceTimestamp;
    private readonly DateTime serverTimestamp;
    private readonly ulong scalarBits;
    private readonly ushort sourcePicoseconds;
    private readonly ushort serverPicoseconds;
    private readonly byte present;
    // Null while the value is held as scalarType and scalarBits (scalarType Null with no variant: the null variant).
    private Variant? variant;
    private readonly BuiltInType scalarType;

    public DataValue() { }

    public DataValue(Variant value) => Value = value;

    /// <summary>A decoded value: a fixed-size scalar as its bits (variant null), or a variant; fields as on the wire.</summary>
    internal DataValue(Variant? variant, BuiltInType scalarType, ulong scalarBits, StatusCode status, DateTime? source, ushort? sourcePico, DateTime? server, ushort? serverPico)
    {
        this.variant = variant;
        this.scalarType = variant is null ? scalarType : BuiltInType.Null;
        this.scalarBits = variant is null ? scalarBits : 0;
        StatusCode = status;
        present = Set(source, ref sourceTimestamp, HasSourceTimestamp);
        present = Set(sourcePico, ref sourcePicoseconds, HasSourcePicoseconds);
        present = Set(server, ref serverTimestamp, HasServerTimestamp);
        present = Set(serverPico, ref serverPicoseconds, HasServerPicoseconds);
    }

    /// <summary>
    /// A decoded fixed-size scalar with the fields the DataValue encoding mask <paramref name="wireMask"/> says are
    /// present (Part 6, 5.2.2.17: 0x04 source, 0x08 server timestamp, 0x10 source, 0x20 server picoseconds).
    /// </summary>
    internal DataValue(BuiltInType scalarType, ulong scalarBits, StatusCode status, byte wireMask, DateTime source, ushort sourcePico, DateTime server, ushort serverPico)
    {
        this.scalarType = scalarType;
        this.scalarBits = scalarBits;
        StatusCode = status;
        present = (byte)(((wireMask >> 2) & HasSourceTimestamp) | ((wireMask >> 3) & HasSourcePicoseconds) | ((wireMask >> 1) & HasServerTimestamp) | ((wireMask >> 2) & HasServerPicoseconds));
        // An absent field keeps its default, so two equal values have equal fields.
        sourceTimestamp = (present & HasSourceTimestamp) != 0 ? source : default;
        sourcePicoseconds = (present & HasSourcePicoseconds) != 0 ? sourcePico : default;
        serverTimestamp = (present & HasServerTimestamp) != 0 ? server : default;
        serverPicoseconds = (present & HasServerPicoseconds) != 0 ? serverPico : default;
    }

    /// <summary>No value, status Good, no timestamps (immutable, so shared).</summary>
    public static DataValue Empty { get; } = new();

    public Variant Value
    {
        get => variant ?? Materialize();
        init
        {
            variant = value;
            scalarType = BuiltInType.Null;
            scalarBits = 0;
        }
    }

    public StatusCode StatusCode { get; init; }

    public DateTime? SourceTimestamp
    {
        get => (present & HasSourceTimestamp) != 0 ? sourceTimestamp : null;
        init => present = Set(value, ref sourceTimestamp, HasSourceTimestamp);
    }

    public ushort? SourcePicoseconds
    {
        get => (present & HasSourcePicoseconds) != 0 ? sourcePicoseconds : null;
        init => present = Set(value, ref sourcePicoseconds, HasSourcePicoseconds);
    }

    public DateTime? ServerTimestamp
    {
        get => (present & HasServerTimestamp) != 0 ? serverTimestamp : null;
        init => present = Set(value, ref serverTimestamp, HasServerTimestamp);
    }

    public ushort? ServerPicoseconds
    {
        get => (present & HasServerPicoseconds) != 0 ? serverPicoseconds : null;
        init => present = Set(value, ref serverPicoseconds, HasServerPicoseconds);
    }

    /// <summary>The value when it is a Double scalar, read without creating its <see cref="Variant"/>.</summary>
    public bool TryGetDouble(out double value)
    {
        if (variant is null)
        {
            value = scalarType == BuiltInType.Double ? BitConverter.UInt64BitsToDouble(scalarBits) : 0;
            return scalarType == BuiltInType.Double;
        }
        value = variant.Value is double d ? d : 0;
        return variant.Value is double;
    }

    /// <summary>The value's type and bits when it is a fixed-size scalar or null, without creating its <see cref="Variant"/>.</summary>
    internal bool TryGetScalarBits(out BuiltInType type, out ulong bits)
    {
        if (variant is null)
        {
            (type, bits) = (scalarType, scalarBits);
            return true;
        }
        type = variant.Type;
        bits = ScalarBits.Of(variant) ?? 0;
        return type == BuiltInType.Null || (!variant.IsArray && ScalarBits.IsFixedSize(type));
    }

    public bool Equals(DataValue? other) =>
        other is not null && StatusCode == other.StatusCode && present == other.present
        && sourceTimestamp == other.sourceTimestamp && serverTimestamp == other.serverTimestamp
        && sourcePicoseconds == other.sourcePicoseconds && serverPicoseconds == other.serverPicoseconds
        && SameValue(other);

    public override int GetHashCode() => HashCode.Combine(Value, StatusCode, present, sourceTimestamp, serverTimestamp, sourcePicoseconds, serverPicoseconds);

    private bool SameValue(DataValue other) =>
        variant is null && other.variant is null
            ? scalarType == other.scalarType && ScalarBits.Same(scalarType, scalarBits, other.scalarBits)
            : Value.Equals(other.Value);

    private Variant Materialize()
    {
        if (scalarType == BuiltInType.Null)
        {
            return Variant.Null;
        }
        var made = Variant.Decoded(scalarType, ScalarBits.ToObject(scalarType, scalarBits));
        return Interlocked.CompareExchange(ref variant, made, null) ?? made;
    }

    // An absent field keeps its default, so two equal values have equal fields.
    private byte Set<T>(T? value, ref T field, byte flag) where T : struct
    {
        field = value ?? default;
        return (byte)(value.HasValue ? present | flag : present & ~flag);
    }
}
