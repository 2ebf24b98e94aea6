namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A value with its status and timestamps (Part 4, 7.11). Absent fields are null. Stored as plain fields and a
/// mask of the present ones rather than four nullable fields: one is decoded per value change, and this keeps it
/// at 56 bytes instead of 80.
/// </summary>
public sealed record DataValue
{
    private const byte HasSourceTimestamp = 1;
    private const byte HasSourcePicoseconds = 2;
    private const byte HasServerTimestamp = 4;
    private const byte HasServerPicoseconds = 8;
    private readonly DateTime sourceTimestamp;
    private readonly DateTime serverTimestamp;
    private readonly ushort sourcePicoseconds;
    private readonly ushort serverPicoseconds;
    private readonly byte present;

    public DataValue() { }

    public DataValue(Variant value) => Value = value;

    /// <summary>No value, status Good, no timestamps (immutable, so shared).</summary>
    public static DataValue Empty { get; } = new();

    public Variant Value { get; init; } = Variant.Null;

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

    // An absent field keeps its default, so two equal values have equal fields (records compare fields).
    private byte Set<T>(T? value, ref T field, byte flag) where T : struct
    {
        field = value ?? default;
        return (byte)(value.HasValue ? present | flag : present & ~flag);
    }
}
