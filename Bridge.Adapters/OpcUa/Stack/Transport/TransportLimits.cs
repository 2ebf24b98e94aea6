namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>What the client offers in its Hello (Part 6, 7.1.2.3). Zero means "no limit" for message size and chunk count.</summary>
public sealed record TransportLimits
{
    /// <value>Default 65,535 bytes per chunk.</value>
    public uint ReceiveBufferSize { get; init; } = 65535;

    /// <value>Default 65,535 bytes per chunk.</value>
    public uint SendBufferSize { get; init; } = 65535;

    /// <summary>Largest response the client accepts.</summary>
    /// <value>Default 16 MiB.</value>
    public uint MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <value>Default 4,096 chunks.</value>
    public uint MaxChunkCount { get; init; } = 4096;
}
