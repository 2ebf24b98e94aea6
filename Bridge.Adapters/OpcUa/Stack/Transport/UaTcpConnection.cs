using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>
/// A UA-TCP connection (Part 6, 7.1): the Hello / Acknowledge handshake, then whole chunks in and out.
/// Reading never allocates more than the negotiated receive chunk size per chunk.
/// </summary>
public sealed class UaTcpConnection : IAsyncDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly byte[] header = new byte[MessageTypes.HeaderSize];

    private UaTcpConnection(TcpClient client, NegotiatedLimits limits)
    {
        this.client = client;
        stream = client.GetStream();
        Limits = limits;
    }

    public NegotiatedLimits Limits { get; private set; }

    public static async Task<UaTcpConnection> ConnectAsync(string endpointUrl, TransportLimits offered, TimeSpan timeout, CancellationToken ct)
    {
        if (offered.ReceiveBufferSize < MessageTypes.MinimumBufferSize || offered.SendBufferSize < MessageTypes.MinimumBufferSize)
        {
            throw new ArgumentException($"Buffer sizes must be at least {MessageTypes.MinimumBufferSize} bytes.", nameof(offered));
        }
        var address = OpcTcpAddress.Parse(endpointUrl);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(address.Host, address.Port, timer.Token).ConfigureAwait(false);
            var connection = new UaTcpConnection(client, new NegotiatedLimits(offered.SendBufferSize, offered.ReceiveBufferSize, 0, 0, offered.MaxMessageSize, offered.MaxChunkCount));
            await connection.HandshakeAsync(address.Url, offered, timer.Token).ConfigureAwait(false);
            return connection;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTimeout), $"No answer from {endpointUrl} within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException ex)
        {
            client.Dispose();
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadNotConnected), $"Cannot connect to {endpointUrl}: {ex.SocketErrorCode}", ex);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task HandshakeAsync(string url, TransportLimits offered, CancellationToken ct)
    {
        await WriteAsync(new HelloMessage(0, offered, url).ToChunk(), ct).ConfigureAwait(false);
        var chunk = await ReadChunkAsync(ct).ConfigureAwait(false);
        if (chunk.MessageType == MessageTypes.Error)
        {
            var error = ErrorMessage.Decode(chunk.Body);
            throw new OpcUaConnectionException(error.Error, $"Server refused the connection: {error.Reason}");
        }
        if (chunk.MessageType != MessageTypes.Acknowledge)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpMessageTypeInvalid), $"Expected ACK after HEL, got {chunk.MessageTypeName}");
        }
        var ack = AcknowledgeMessage.Decode(chunk.Body);
        if (ack.ReceiveBufferSize < MessageTypes.MinimumBufferSize || ack.SendBufferSize < MessageTypes.MinimumBufferSize)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpNotEnoughResources), $"Server buffer sizes {ack.ReceiveBufferSize}/{ack.SendBufferSize} are below {MessageTypes.MinimumBufferSize}");
        }
        Limits = new NegotiatedLimits(
            SendChunkSize: Math.Min(offered.SendBufferSize, ack.ReceiveBufferSize),
            ReceiveChunkSize: Math.Min(offered.ReceiveBufferSize, ack.SendBufferSize),
            MaxSendMessageSize: ack.MaxMessageSize,
            MaxSendChunkCount: ack.MaxChunkCount,
            MaxReceiveMessageSize: offered.MaxMessageSize,
            MaxReceiveChunkCount: offered.MaxChunkCount);
    }

    /// <summary>Reads one chunk. A closed socket, a chunk larger than negotiated or a cut-off chunk raise <see cref="OpcUaConnectionException"/>.</summary>
    public async Task<MessageChunk> ReadChunkAsync(CancellationToken ct)
    {
        await ReadExactlyAsync(header, "a chunk header", ct).ConfigureAwait(false);
        var type = BinaryPrimitives.ReadUInt32LittleEndian(header) & 0xFFFFFF;
        var chunkType = header[3];
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (size < MessageTypes.HeaderSize || size > Math.Max(Limits.ReceiveChunkSize, MessageTypes.MinimumBufferSize))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpMessageTooLarge), $"Chunk of {size} bytes is outside 8..{Limits.ReceiveChunkSize}");
        }
        var bytes = ArrayPool<byte>.Shared.Rent((int)size);
        header.CopyTo(bytes, 0);
        await ReadExactlyAsync(bytes.AsMemory(MessageTypes.HeaderSize, (int)size - MessageTypes.HeaderSize), $"a {MessageTypes.Name(type)} chunk of {size} bytes", ct).ConfigureAwait(false);
        return new MessageChunk(type, chunkType, bytes.AsMemory(0, (int)size), bytes);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        await writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(chunk, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadConnectionClosed), "Connection lost while sending", ex);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task ReadExactlyAsync(Memory<byte> buffer, string what, CancellationToken ct)
    {
        var read = 0;
        try
        {
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer[read..], ct).ConfigureAwait(false);
                if (n == 0)
                {
                    var where = read == 0 && what == "a chunk header" ? "" : $" in the middle of {what} ({read} of {buffer.Length} bytes)";
                    throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadConnectionClosed), $"Server closed the connection{where}");
                }
                read += n;
            }
        }
        catch (IOException ex)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadConnectionClosed), $"Connection lost while reading {what}", ex);
        }
        catch (ObjectDisposedException ex)
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadConnectionClosed), "Connection closed", ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
