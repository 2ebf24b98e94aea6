using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// The receiving half of a secure channel: checks each chunk's headers (token), decrypts and verifies it with the
/// keys of its token, checks its sequence number, collects the
/// chunks of each response by request id within the negotiated limits, and completes the waiting request.
/// Problems that break the channel throw <see cref="OpcUaConnectionException"/>; an abort chunk fails one request.
/// </summary>
internal sealed class ResponseRouter(IChannelSecurityPolicy security, Func<NegotiatedLimits> limits)
{
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<ResponseBody>> pending = new();
    private readonly Dictionary<uint, MessageAssembly> assemblies = [];
    private uint lastSequenceNumber;

    public void Expect(uint requestId, TaskCompletionSource<ResponseBody> waiter) => pending[requestId] = waiter;

    public void Forget(uint requestId) => pending.TryRemove(requestId, out _);

    /// <summary>Finds the keys of a symmetric token id (current or previous); false for an unknown token.</summary>
    public delegate bool TokenKeys(uint tokenId, out ChannelKeys? keys);

    /// <summary>Handles one chunk; <paramref name="tokenKeys"/> finds the keys of the chunk's token.</summary>
    public void Handle(MessageChunk chunk, TokenKeys tokenKeys)
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
        ChannelKeys? keys = null;
        if (asymmetric)
        {
            security.CheckAsymmetricHeader(header.SecurityPolicyUri, header.SenderCertificate, header.ReceiverCertificateThumbprint);
        }
        else if (!tokenKeys(header.TokenId, out keys))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadSecureChannelTokenUnknown), $"Chunk uses unknown token {header.TokenId}");
        }
        var plain = security.Unprotect(chunk.Bytes, header.SecuredFrom, keys, asymmetric);
        // Without security the body lies in the chunk's pooled array; a decrypted one lies in a new array and the
        // chunk's goes back to the pool at once.
        var pooled = chunk.Rented is { } rented && MemoryMarshal.TryGetArray(plain, out var segment) && segment.Array == rented ? rented : null;
        if (chunk.Rented is not null && pooled is null)
        {
            ArrayPool<byte>.Shared.Return(chunk.Rented);
        }
        if (plain.Length < 8)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpMessageTypeInvalid), $"{chunk.MessageTypeName} chunk of {chunk.Bytes.Length} bytes has no sequence header");
        }
        var sequenceNumber = BinaryPrimitives.ReadUInt32LittleEndian(plain.Span);
        var requestId = BinaryPrimitives.ReadUInt32LittleEndian(plain.Span[4..]);
        // Part 6, 6.7.2.4: each chunk's number is one more than the last, except the wrap to a value below 1024.
        if (lastSequenceNumber != 0 && sequenceNumber != lastSequenceNumber + 1 && sequenceNumber >= 1024)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadSequenceNumberInvalid), $"Sequence number {sequenceNumber} follows {lastSequenceNumber}");
        }
        lastSequenceNumber = sequenceNumber;
        var body = plain[8..];
        switch (chunk.ChunkType)
        {
            case MessageTypes.Intermediate:
                AssemblyFor(requestId).Add(body, pooled);
                break;
            case MessageTypes.Final:
                var assembly = AssemblyFor(requestId);
                assemblies.Remove(requestId);
                assembly.Add(body, pooled);
                var message = assembly.Complete();
                if (!pending.TryRemove(requestId, out var waiter) || !waiter.TrySetResult(message))
                {
                    message.Release();
                }
                break;
            case MessageTypes.Abort:
                if (assemblies.Remove(requestId, out var aborting))
                {
                    aborting.Discard();
                }
                var abort = ErrorMessage.Decode(body);
                if (pooled is not null)
                {
                    ArrayPool<byte>.Shared.Return(pooled);
                }
                if (pending.TryRemove(requestId, out var aborted))
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
            return ChunkHeader.Parse(chunk.Bytes, asymmetric);
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
