using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Transport;
using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>
/// A secure channel over one UA-TCP connection (Part 6, 6.7): opens with OpenSecureChannel, renews its token at
/// 75 % of the granted lifetime, splits requests into chunks and reassembles responses by request id.
/// Many requests may be outstanding at once; each caller awaits its own response.
/// </summary>
public sealed class UaSecureChannel : IAsyncDisposable
{
    private const int SymmetricHeaderSize = 8 + 4 + 4 + 8;
    private readonly UaTcpConnection connection;
    private readonly SecureChannelOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly ResponseRouter router;
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource<Exception?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChannelSecurityToken token = new();
    private uint previousTokenId;
    private ChannelKeys? keys;
    private ChannelKeys? previousKeys;
    private uint sequenceNumber;
    private uint lastRequestId;
    private uint requestHandle;
    private Task receiveLoop = Task.CompletedTask;
    private Task renewLoop = Task.CompletedTask;

    private UaSecureChannel(UaTcpConnection connection, SecureChannelOptions options, TimeProvider time, ILogger logger)
    {
        this.connection = connection;
        this.options = options;
        this.time = time;
        this.logger = logger;
        router = new ResponseRouter(options.Security, () => connection.Limits);
    }

    public NegotiatedLimits Limits => connection.Limits;

    public uint ChannelId => token.ChannelId;

    public uint TokenId => token.TokenId;

    /// <summary>The symmetric keys of the current token; null for SecurityPolicy None.</summary>
    public ChannelKeys? CurrentKeys => keys;

    /// <summary>Completes when the channel ends: with null after a requested close, or with the error that broke it.</summary>
    public Task<Exception?> Closed => closed.Task;

    public bool IsOpen => !closed.Task.IsCompleted;

    public TimeProvider Time => time;

    public MessageSecurityMode SecurityMode => options.Security.SecurityMode;

    public string SecurityPolicyUri => options.Security.PolicyUri;

    public IChannelSecurityPolicy Security => options.Security;

    public static async Task<UaSecureChannel> OpenAsync(string endpointUrl, TransportLimits transport, SecureChannelOptions options, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var connection = await UaTcpConnection.ConnectAsync(endpointUrl, transport, options.RequestTimeout, ct).ConfigureAwait(false);
        var channel = new UaSecureChannel(connection, options, time, logger);
        try
        {
            channel.receiveLoop = Task.Run(channel.ReceiveLoopAsync, CancellationToken.None);
            await channel.OpenOrRenewAsync(SecurityTokenRequestType.Issue, ct).ConfigureAwait(false);
            channel.renewLoop = Task.Run(channel.RenewLoopAsync, CancellationToken.None);
            return channel;
        }
        catch
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends a request and awaits its response; a ServiceFault or a bad service result raises <see cref="OpcUaServiceException"/>.
    /// With <paramref name="continueOnReceiveLoop"/> the response is decoded, and the caller continues, on the channel's
    /// receive loop, which reads no further chunk until the caller awaits something unfinished: such a caller must
    /// never block.
    /// </summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(TRequest request, CancellationToken ct, TimeSpan? timeout = null, bool continueOnReceiveLoop = false)
        where TRequest : IEncodeable<TRequest>, IServiceRequest
        where TResponse : IEncodeable<TResponse>, IServiceResponse
    {
        var body = await SendAndReceiveAsync(request, MessageTypes.Message, timeout ?? options.RequestTimeout, ct, continueOnReceiveLoop).ConfigureAwait(false);
        try
        {
            return DecodeResponse<TResponse>(typeof(TRequest).Name, body.Bytes);
        }
        finally
        {
            body.Release();
        }
    }

    private TResponse DecodeResponse<TResponse>(string service, ReadOnlyMemory<byte> body)
        where TResponse : IEncodeable<TResponse>, IServiceResponse
    {
        var decoder = new BinaryDecoder(body);
        var typeId = decoder.ReadNodeId();
        if (typeId == new NodeId(ServiceFault.BinaryEncodingId))
        {
            throw new OpcUaServiceException(service.Replace("Request", "", StringComparison.Ordinal), ServiceFault.Decode(decoder).ResponseHeader.ServiceResult);
        }
        if (typeId != new NodeId(TResponse.BinaryEncodingId))
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadUnknownResponse), $"Expected {typeof(TResponse).Name} ({TResponse.BinaryEncodingId}), got {typeId}");
        }
        var response = TResponse.Decode(decoder);
        if (response.ResponseHeader.ServiceResult.IsBad)
        {
            throw new OpcUaServiceException(service.Replace("Request", "", StringComparison.Ordinal), response.ResponseHeader.ServiceResult);
        }
        return response;
    }

    private async Task<ResponseBody> SendAndReceiveAsync<TRequest>(TRequest request, uint messageType, TimeSpan timeout, CancellationToken ct, bool continueOnReceiveLoop = false)
        where TRequest : IEncodeable<TRequest>, IServiceRequest
    {
        ThrowIfClosed();
        var header = request.RequestHeader;
        header.Timestamp = time.GetUtcNow().UtcDateTime;
        header.RequestHandle = Interlocked.Increment(ref requestHandle);
        header.TimeoutHint = (uint)Math.Min(timeout.TotalMilliseconds, uint.MaxValue);
        var encoder = new BinaryEncoder(1024);
        encoder.WriteNodeId(new NodeId(TRequest.BinaryEncodingId));
        request.Encode(encoder);

        // Handing a response to another thread-pool thread costs a wake-up, and the woken worker's spin before it
        // sleeps again: for Publish responses at full server speed that was most of the client's CPU.
        var completion = new TaskCompletionSource<ResponseBody>(continueOnReceiveLoop ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
        var requestId = await SendChunksAsync(messageType, encoder.WrittenMemory, completion, ct).ConfigureAwait(false);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            return await completion.Task.WaitAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadTimeout), $"{typeof(TRequest).Name} got no response within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            router.Forget(requestId);
        }
    }

    /// <summary>Splits a message into chunks and writes them back to back, so chunks of two messages never interleave.</summary>
    private async Task<uint> SendChunksAsync(uint messageType, ReadOnlyMemory<byte> message, TaskCompletionSource<ResponseBody>? completion, CancellationToken ct)
    {
        var limits = connection.Limits;
        if (limits.MaxSendMessageSize != 0 && message.Length > limits.MaxSendMessageSize)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadRequestTooLarge), $"Request of {message.Length} bytes exceeds the server's MaxMessageSize {limits.MaxSendMessageSize}");
        }
        var security = options.Security;
        var asymmetric = messageType == MessageTypes.OpenChannel;
        var headerEncoder = new BinaryEncoder(128);
        WriteSecurityHeader(headerEncoder, asymmetric);
        var headerSize = 12 + headerEncoder.Position + 8;
        var maxBody = security.MaxBodySize((int)limits.SendChunkSize, headerSize, asymmetric);
        var chunkCount = Math.Max(1, (message.Length + maxBody - 1) / maxBody);
        if (limits.MaxSendChunkCount != 0 && chunkCount > limits.MaxSendChunkCount)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadRequestTooLarge), $"Request needs {chunkCount} chunks, the server accepts {limits.MaxSendChunkCount}");
        }
        await sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            var requestId = ++lastRequestId;
            if (completion is not null)
            {
                router.Expect(requestId, completion);
            }
            var chunk = new byte[Math.Min(limits.SendChunkSize, headerSize + message.Length + 64)];
            var chunkKeys = keys;
            if (!asymmetric)
            {
                // The token may have been renewed while this request waited for the lock: header and keys must agree.
                headerEncoder = new BinaryEncoder(16);
                WriteSecurityHeader(headerEncoder, asymmetric);
            }
            for (var i = 0; i < chunkCount; i++)
            {
                var part = message.Slice(i * maxBody, Math.Min(maxBody, message.Length - (i * maxBody)));
                var encoder = new BinaryEncoder(headerSize + part.Length);
                encoder.WriteUInt32(messageType | ((uint)(i == chunkCount - 1 ? MessageTypes.Final : MessageTypes.Intermediate) << 24));
                encoder.WriteUInt32(0);
                encoder.WriteUInt32(token.ChannelId);
                encoder.WriteRawBytes(headerEncoder.WrittenSpan);
                var securedFrom = encoder.Position;
                encoder.WriteUInt32(NextSequenceNumber());
                encoder.WriteUInt32(requestId);
                encoder.WriteRawBytes(part.Span);
                encoder.PatchUInt32(4, (uint)encoder.Position);
                encoder.WrittenSpan.CopyTo(chunk);
                var secured = security.Protect(chunk, encoder.Position, securedFrom, chunkKeys, asymmetric);
                await connection.WriteAsync(secured, ct).ConfigureAwait(false);
            }
            return requestId;
        }
        catch (OpcUaConnectionException ex)
        {
            Fault(ex);
            throw;
        }
        finally
        {
            sendLock.Release();
        }
    }

    private void WriteSecurityHeader(BinaryEncoder encoder, bool asymmetric)
    {
        if (asymmetric)
        {
            encoder.WriteString(options.Security.PolicyUri);
            encoder.WriteByteString(options.Security.SenderCertificate);
            encoder.WriteByteString(options.Security.ReceiverCertificateThumbprint);
        }
        else
        {
            encoder.WriteUInt32(token.TokenId);
        }
    }

    private uint NextSequenceNumber()
    {
        // Part 6, 6.7.2.4: wrap before UInt32.MaxValue - 1024 to a value below 1024.
        sequenceNumber = sequenceNumber >= uint.MaxValue - 1024 ? 1 : sequenceNumber + 1;
        return sequenceNumber;
    }

    private async Task OpenOrRenewAsync(SecurityTokenRequestType type, CancellationToken ct)
    {
        var nonce = options.Security.CreateClientNonce();
        var request = new OpenSecureChannelRequest
        {
            ClientProtocolVersion = 0,
            RequestType = type,
            SecurityMode = options.Security.SecurityMode,
            ClientNonce = nonce,
            RequestedLifetime = (uint)options.RequestedLifetime.TotalMilliseconds,
        };
        var body = await SendAndReceiveAsync(request, MessageTypes.OpenChannel, options.RequestTimeout, ct).ConfigureAwait(false);
        OpenSecureChannelResponse response;
        try
        {
            response = DecodeResponse<OpenSecureChannelResponse>(nameof(OpenSecureChannelRequest), body.Bytes);
        }
        finally
        {
            body.Release();
        }
        var derived = options.Security.DeriveKeys(nonce, response.ServerNonce);
        await sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Part 6, 6.7.4: send with the new token at once; keep reading chunks still secured with the old one.
            previousTokenId = token.TokenId;
            previousKeys = keys;
            token = response.SecurityToken;
            keys = derived;
        }
        finally
        {
            sendLock.Release();
        }
        if (type == SecurityTokenRequestType.Issue)
        {
            Log.ChannelOpened(logger, token.ChannelId, token.TokenId, token.RevisedLifetime, connection.Limits.SendChunkSize, connection.Limits.ReceiveChunkSize);
        }
        else
        {
            Log.ChannelRenewed(logger, token.ChannelId, token.TokenId, token.RevisedLifetime);
        }
    }

    private async Task RenewLoopAsync()
    {
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Max(1000, token.RevisedLifetime * 0.75));
                await Task.Delay(wait, time, lifetime.Token).ConfigureAwait(false);
                await OpenOrRenewAsync(SecurityTokenRequestType.Renew, lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            Fault(ex);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                var chunk = await connection.ReadChunkAsync(lifetime.Token).ConfigureAwait(false);
                router.Handle(chunk, KeysOf);
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Fault(ex);
        }
    }

    private bool KeysOf(uint tokenId, out ChannelKeys? found)
    {
        found = tokenId == token.TokenId ? keys : previousKeys;
        return tokenId == token.TokenId || tokenId == previousTokenId;
    }

    /// <summary>Breaks the channel on purpose (a dead session, a silent server) so the owner reconnects.</summary>
    internal void Abort(Exception error) => Fault(error);

    private void Fault(Exception error)
    {
        if (!closed.TrySetResult(error))
        {
            return;
        }
        Log.ChannelFaulted(logger, token.ChannelId, error.Message);
        lifetime.Cancel();
        router.FailAll(error as OpcUaException ?? new OpcUaConnectionException(new StatusCode(StatusCodes.BadConnectionClosed), error.Message, error));
        _ = connection.DisposeAsync().AsTask();
    }

    private void ThrowIfClosed()
    {
        if (closed.Task.IsCompleted)
        {
            var error = closed.Task.Result;
            throw error as OpcUaException ?? new OpcUaConnectionException(new StatusCode(StatusCodes.BadSecureChannelClosed), "Secure channel is closed", error);
        }
    }

    /// <summary>Sends CloseSecureChannel (no response is expected) and closes the connection.</summary>
    public async Task CloseAsync()
    {
        if (IsOpen)
        {
            try
            {
                var encoder = new BinaryEncoder();
                var request = new CloseSecureChannelRequest();
                request.RequestHeader.Timestamp = time.GetUtcNow().UtcDateTime;
                encoder.WriteNodeId(new NodeId(CloseSecureChannelRequest.BinaryEncodingId));
                request.Encode(encoder);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await SendChunksAsync(MessageTypes.CloseChannel, encoder.WrittenMemory, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OpcUaException or OperationCanceledException or IOException)
            {
                // Closing a channel that is already broken: nothing left to tell the server.
            }
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (closed.TrySetResult(null))
        {
            lifetime.Cancel();
            router.FailAll(new OpcUaConnectionException(new StatusCode(StatusCodes.BadSecureChannelClosed), "Secure channel closed"));
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(receiveLoop, renewLoop).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
