using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
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
            ClientNonce = null,
            RequestedSessionTimeout = options.SessionTimeout.TotalMilliseconds,
            MaxResponseMessageSize = channel.Limits.MaxReceiveMessageSize,
        };
        var created = await channel.SendAsync<CreateSessionRequest, CreateSessionResponse>(request, ct).ConfigureAwait(false);
        var session = new UaSession(channel, endpoint, options, logger, created);
        await session.ActivateAsync(channel, ct).ConfigureAwait(false);
        return session;
    }

    /// <summary>Activates the session on <paramref name="channel"/> (the first channel, or a new one after a reconnect).</summary>
    public async Task ActivateAsync(UaSecureChannel channel, CancellationToken ct)
    {
        var request = new ActivateSessionRequest
        {
            RequestHeader = new RequestHeader { AuthenticationToken = AuthenticationToken },
            ClientSignature = new SignatureData(),
            UserIdentityToken = IdentityTokens.Create(options.Identity, Endpoint, serverNonce, ServerCertificate),
            UserTokenSignature = new SignatureData(),
            LocaleIds = ["en"],
        };
        var response = await channel.SendAsync<ActivateSessionRequest, ActivateSessionResponse>(request, ct).ConfigureAwait(false);
        serverNonce = response.ServerNonce;
        Channel = channel;
        Log.SessionActivated(logger, SessionId.ToString(), Endpoint.EndpointUrl ?? "", options.Identity.ToString() ?? "");
    }

    public Task<TResponse> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken ct, TimeSpan? timeout = null)
        where TRequest : IEncodeable<TRequest>, IServiceRequest
        where TResponse : IEncodeable<TResponse>, IServiceResponse
    {
        request.RequestHeader.AuthenticationToken = AuthenticationToken;
        return Channel.SendAsync<TRequest, TResponse>(request, ct, timeout);
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
