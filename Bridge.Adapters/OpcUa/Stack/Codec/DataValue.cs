namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>A value with its status and timestamps (Part 4, 7.11). Absent fields are null.</summary>
public sealed record DataValue
{
    public DataValue() { }

    public DataValue(Variant value) => Value = value;

    public Variant Value { get; init; } = Variant.Null;

    public StatusCode StatusCode { get; init; }

    public DateTime? SourceTimestamp { get; init; }

    public ushort? SourcePicoseconds { get; init; }

    public DateTime? ServerTimestamp { get; init; }

    public ushort? ServerPicoseconds { get; init; }
}
