using System.Buffers;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>Collects the chunks of one response until the final chunk, within the negotiated size and count.</summary>
internal sealed class MessageAssembly(uint maxMessageSize, uint maxChunkCount)
{
    private readonly List<ReadOnlyMemory<byte>> parts = [];
    private readonly List<byte[]?> rented = [];
    private long length;

    /// <summary>
    /// Adds a chunk body (lying in <paramref name="pooled"/>, an array of the shared pool, when given); throws when the
    /// message grows past the negotiated limits.
    /// </summary>
    public void Add(ReadOnlyMemory<byte> body, byte[]? pooled = null)
    {
        parts.Add(body);
        rented.Add(pooled);
        length += body.Length;
        if (maxChunkCount != 0 && parts.Count > maxChunkCount)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadResponseTooLarge), $"Response has more than {maxChunkCount} chunks");
        }
        if (maxMessageSize != 0 && length > maxMessageSize)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadResponseTooLarge), $"Response is larger than {maxMessageSize} bytes");
        }
    }

    /// <summary>The message: the one chunk's body as it is, or the chunks joined in a rented buffer (the chunks' own pooled arrays go back at once).</summary>
    public ResponseBody Complete()
    {
        if (parts.Count == 1)
        {
            return new ResponseBody(parts[0], rented[0]);
        }
        var whole = ArrayPool<byte>.Shared.Rent((int)length);
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(whole.AsMemory(at));
            at += part.Length;
        }
        Discard();
        return new ResponseBody(whole.AsMemory(0, at), whole);
    }

    /// <summary>Gives the chunks' pooled arrays back (the message was joined or aborted).</summary>
    public void Discard()
    {
        foreach (var array in rented)
        {
            if (array is not null)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
        rented.Clear();
    }
}
