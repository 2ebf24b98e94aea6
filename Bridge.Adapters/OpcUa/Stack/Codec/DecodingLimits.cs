namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// Bounds that keep a hostile or broken peer from making the decoder allocate or recurse without limit.
/// Every length is also checked against the bytes actually left, so no allocation exceeds the message size,
/// which the transport bounds by the negotiated MaxMessageSize.
/// </summary>
public sealed record DecodingLimits
{
    public static readonly DecodingLimits Default = new();

    /// <value>Default 16 MiB.</value>
    public int MaxStringLength { get; init; } = 16 * 1024 * 1024;

    /// <value>Default 16 MiB.</value>
    public int MaxByteStringLength { get; init; } = 16 * 1024 * 1024;

    /// <value>Default 1,000,000 elements.</value>
    public int MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Nesting of Variants, DataValues, DiagnosticInfos and ExtensionObjects. Part 6 asks for at least 4.</summary>
    /// <value>Default 32.</value>
    public int MaxDepth { get; init; } = 32;
}
