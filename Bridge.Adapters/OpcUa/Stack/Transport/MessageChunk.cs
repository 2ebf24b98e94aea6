namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>One UA-TCP chunk: its message type, its chunk type (F, C or A) and all its bytes (signatures cover the header too).</summary>
public readonly record struct MessageChunk(uint MessageType, byte ChunkType, ReadOnlyMemory<byte> Bytes)
{
    public string MessageTypeName => MessageTypes.Name(MessageType);

    /// <summary>The bytes after the 8-byte header.</summary>
    public ReadOnlyMemory<byte> Body => Bytes[MessageTypes.HeaderSize..];
}
