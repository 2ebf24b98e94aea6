using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;
using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>
/// A session (Part 4, 5.6): created once, activated on a channel, and re-activated on a new channel after a
/// reconnect so that the server keeps its subscriptions. Every service call goes through <see cref="CallAsync"/>.
/// </summary>
public sealed class UaSession
{
    private readonly SessionOptions options;
    private readonly ILogger logger;
    private byte[]? serverNonce;

    private UaSession(UaSecureChannel channel, EndpointDescription endpoint, SessionOptions options, ILogger logger, CreateSessionResponse created)
    {
        Channel = channel;
        Endpoint = endpoint;
        this.options = options;
        this.logger = logger;
        SessionId = created.SessionId;
        AuthenticationToken = created.AuthenticationToken;
        RevisedTimeout = TimeSpan.FromMilliseconds(created.RevisedSessionTimeout);
        serverNonce = created.ServerNonce;
        ServerCertificate = created.ServerCertificate;
    }

    public UaSecureChannel Channel { get; private set; }

    public EndpointDescription Endpoint { get; }

    public NodeId SessionId { get; }

    public NodeId AuthenticationToken { get; }

    public TimeSpan RevisedTimeout { get; }

    public byte[]? ServerCertificate { get; }

    public static async Task<UaSession> CreateAsync(UaSecureChannel channel, EndpointDescription endpoint, SessionOptions options, ILogger logger, CancellationToken ct)
    {
        var secured = channel.Security as RsaSecurityPolicy;
        var clientNonce = secured is null ? null : System.Security.Cryptography.RandomNumberGenerator.GetBytes(SecurityAlgorithms.NonceLength);
        var request = new CreateSessionRequest
        {
            ClientDescription = new ApplicationDescription
            {
                ApplicationUri = options.ApplicationUri,
                ProductUri = "urn:bridge",
                ApplicationName = new LocalizedText(null, "Bridge"),
                ApplicationType = ApplicationType.Client,
            },
            EndpointUrl = endpoint.EndpointUrl,
            SessionName = options.SessionName,
            ClientNonce = clientNonce,
            ClientCertificate = secured?.SenderCertificate,
            RequestedSessionTimeout = options.SessionTimeout.TotalMilliseconds,
            MaxResponseMessageSize = channel.Limits.MaxReceiveMessageSize,
        };
        var created = await channel.SendAsync<CreateSessionRequest, CreateSessionResponse>(request, ct).ConfigureAwait(false);
        if (secured is not null)
        {
            VerifyServer(secured, created, [.. secured.SenderCertificate!, .. clientNonce!]);
        }
        var session = new UaSession(channel, endpoint, options, logger, created);
        await session.ActivateAsync(channel, ct).ConfigureAwait(false);
        return session;
    }

    /// <summary>Part 4, 5.6.2: the server proves it holds its certificate's key by signing our certificate and nonce.</summary>
    private static void VerifyServer(RsaSecurityPolicy secured, CreateSessionResponse created, byte[] signed)
    {
        if (created.ServerCertificate is null || !CertificateBlobs.Leaf(created.ServerCertificate).AsSpan().SequenceEqual(secured.ServerCertificate))
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateInvalid), "CreateSession returned a server certificate other than the endpoint's");
        }
        if (created.ServerNonce is null || created.ServerNonce.Length < SecurityAlgorithms.NonceLength)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadNonceInvalid), $"CreateSession returned a server nonce of {created.ServerNonce?.Length ?? 0} bytes");
        }
        var signature = created.ServerSignature;
        if (signature.Algorithm != secured.Algorithms.AsymmetricSignatureUri || signature.Signature is null || !secured.IsSignedByServer(signed, signature.Signature))
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadApplicationSignatureInvalid), $"CreateSession's server signature ({signature.Algorithm}) does not verify with the server certificate");
        }
    }

    /// <summary>Activates the session on <paramref name="channel"/> (the first channel, or a new one after a reconnect).</summary>
    public async Task ActivateAsync(UaSecureChannel channel, CancellationToken ct)
    {
        var (token, tokenSignature) = IdentityTokens.Create(options.Identity, Endpoint, serverNonce, ServerCertificate);
        var clientSignature = new SignatureData();
        if (channel.Security is RsaSecurityPolicy secured)
        {
            // Part 4, 5.6.3: prove possession of Bridge's key by signing the server certificate and its last nonce.
            byte[] data = [.. ServerCertificate ?? [], .. serverNonce ?? []];
            clientSignature = new SignatureData { Algorithm = secured.Algorithms.AsymmetricSignatureUri, Signature = secured.SignAsClient(data) };
        }
        var request = new ActivateSessionRequest
        {
            RequestHeader = new RequestHeader { AuthenticationToken = AuthenticationToken },
            ClientSignature = clientSignature,
            UserIdentityToken = token,
            UserTokenSignature = tokenSignature,
            LocaleIds = ["en"],
        };
        var response = await channel.SendAsync<ActivateSessionRequest, ActivateSessionResponse>(request, ct).ConfigureAwait(false);
        serverNonce = response.ServerNonce;
        Channel = channel;
        Log.SessionActivated(logger, SessionId.ToString(), Endpoint.EndpointUrl ?? "", options.Identity.ToString() ?? "");
    }

    /// <summary>Calls a service on this session; <paramref name="continueOnReceiveLoop"/>: see <see cref="UaSecureChannel.SendAsync{TRequest, TResponse}"/>.</summary>
    public Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken ct, TimeSpan? timeout = null, bool continueOnReceiveLoop = false)
        where TRequest : IEncodeable<TRequest>, IServiceRequest
        where TResponse : IEncodeable<TResponse>, IServiceResponse
    {
        request.RequestHeader.AuthenticationToken = AuthenticationToken;
        return Channel.SendAsync<TRequest, TResponse>(request, ct, timeout, continueOnReceiveLoop);
    }

    public async Task CloseAsync(bool deleteSubscriptions, CancellationToken ct)
    {
        if (!Channel.IsOpen)
        {
            return;
        }
        await CallAsync<CloseSessionRequest, CloseSessionResponse>(new CloseSessionRequest { DeleteSubscriptions = deleteSubscriptions }, ct, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }
}
