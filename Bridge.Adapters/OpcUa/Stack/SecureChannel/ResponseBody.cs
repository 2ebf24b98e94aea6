using System.Buffers;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// A whole response message. A message of several chunks is joined in a buffer rented from the shared pool (a
/// burst of notifications is hundreds of KB: a new array each time would land on the large object heap and bring
/// on full collections); <see cref="Release"/> gives the buffer back once the message is decoded, and the decoder
/// copies whatever it keeps. A response nobody waits for any more is simply left to the GC.
/// </summary>
internal readonly struct ResponseBody(ReadOnlyMemory<byte> bytes, byte[]? rented)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public void Release()
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
