namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>One UA-TCP chunk: its message type, its chunk type (F, C or A) and the bytes after the 8-byte header.</summary>
public readonly record struct MessageChunk(uint MessageType, byte ChunkType, ReadOnlyMemory<byte> Body)
{
    public string MessageTypeName => MessageTypes.Name(MessageType);
}
