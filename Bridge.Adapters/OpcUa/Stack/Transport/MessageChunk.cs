namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>
/// One UA-TCP chunk: its message type, its chunk type (F, C or A) and all its bytes (signatures cover the header too).
/// <paramref name="Rented"/> is the array of the shared pool that holds the bytes when the connection read them into
/// one: whoever last needs them gives it back (a new 64 KiB array per chunk was ≈ 40 bytes and their zeroing per value).
/// </summary>
public readonly record struct MessageChunk(uint MessageType, byte ChunkType, ReadOnlyMemory<byte> Bytes, byte[]? Rented = null)
{
    public string MessageTypeName => MessageTypes.Name(MessageType);

    /// <summary>The bytes after the 8-byte header.</summary>
    public ReadOnlyMemory<byte> Body => Bytes[MessageTypes.HeaderSize..];
}
