using System.Collections.Concurrent;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// The receiving half of a secure channel: checks each chunk's headers (token, sequence number), collects the
/// chunks of each response by request id within the negotiated limits, and completes the waiting request.
/// Problems that break the channel throw <see cref="OpcUaConnectionException"/>; an abort chunk fails one request.
/// </summary>
internal sealed class ResponseRouter(IChannelSecurityPolicy security, Func<NegotiatedLimits> limits)
{
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<ReadOnlyMemory<byte>>> pending = new();
    private readonly Dictionary<uint, MessageAssembly> assemblies = [];
    private uint lastSequenceNumber;

    public void Expect(uint requestId, TaskCompletionSource<ReadOnlyMemory<byte>> waiter) => pending[requestId] = waiter;

    public void Forget(uint requestId) => pending.TryRemove(requestId, out _);

    /// <summary>Handles one chunk; <paramref name="isKnownToken"/> says whether a symmetric token id is current or previous.</summary>
    public void Handle(MessageChunk chunk, Func<uint, bool> isKnownToken)
    {
        if (chunk.MessageType == MessageTypes.Error)
        {
            var error = ErrorMessage.Decode(chunk.Body);
            throw new OpcUaConnectionException(error.Error, $"Server sent Error: {error.Reason}");
        }
        var asymmetric = chunk.MessageType == MessageTypes.OpenChannel;
        if (!asymmetric && chunk.MessageType != MessageTypes.Message && chunk.MessageType != MessageTypes.CloseChannel)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpMessageTypeInvalid), $"Unexpected message type {chunk.MessageTypeName}");
        }
        var header = ParseHeader(chunk, asymmetric);
        if (!asymmetric && !isKnownToken(header.TokenId))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadSecureChannelTokenUnknown), $"Chunk uses unknown token {header.TokenId}");
        }
        // Part 6, 6.7.2.4: each chunk's number is one more than the last, except the wrap to a value below 1024.
        if (lastSequenceNumber != 0 && header.SequenceNumber != lastSequenceNumber + 1 && header.SequenceNumber >= 1024)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadSequenceNumberInvalid), $"Sequence number {header.SequenceNumber} follows {lastSequenceNumber}");
        }
        lastSequenceNumber = header.SequenceNumber;
        var body = security.Unprotect(chunk.Body, header.BodyOffset - 8, asymmetric)[8..];
        switch (chunk.ChunkType)
        {
            case MessageTypes.Intermediate:
                AssemblyFor(header.RequestId).Add(body);
                break;
            case MessageTypes.Final:
                var assembly = AssemblyFor(header.RequestId);
                assemblies.Remove(header.RequestId);
                assembly.Add(body);
                if (pending.TryRemove(header.RequestId, out var waiter))
                {
                    waiter.TrySetResult(assembly.Complete());
                }
                break;
            case MessageTypes.Abort:
                assemblies.Remove(header.RequestId);
                var abort = ErrorMessage.Decode(body);
                if (pending.TryRemove(header.RequestId, out var aborted))
                {
                    aborted.TrySetException(new OpcUaException(abort.Error, $"Server aborted the response: {abort.Reason}"));
                }
                break;
            default:
                throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpMessageTypeInvalid), $"Chunk type 0x{chunk.ChunkType:X2} is not F, C or A");
        }
    }

    /// <summary>Fails every waiting request (the channel broke or was closed).</summary>
    public void FailAll(Exception error)
    {
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(error);
            }
        }
    }

    private static ChunkHeader ParseHeader(MessageChunk chunk, bool asymmetric)
    {
        try
        {
            return ChunkHeader.Parse(chunk.Body, asymmetric);
        }
        catch (OpcUaDecodingException ex)
        {
            throw new OpcUaConnectionException(ex.StatusCode, $"Malformed {chunk.MessageTypeName} chunk header: {ex.Message}");
        }
    }

    private MessageAssembly AssemblyFor(uint requestId)
    {
        if (!assemblies.TryGetValue(requestId, out var assembly))
        {
            var negotiated = limits();
            assembly = new MessageAssembly(negotiated.MaxReceiveMessageSize, negotiated.MaxReceiveChunkCount);
            assemblies[requestId] = assembly;
        }
        return assembly;
    }
}
